import type {
  ArtifactDetail,
  ArtifactListQuery,
  ArtifactPage,
  Category,
  EthnicGroupDetail,
  EthnicGroupList,
  ExhibitionDetail,
  ExhibitionList,
  FilmsPage,
  FilmsQuery,
  SearchQuery,
  SearchResponse,
} from '@artifact-stories/contracts/schemas';
import { request, withQuery } from './client.ts';

export const listArtifacts = (query: ArtifactListQuery = {}) =>
  request<ArtifactPage>(withQuery('/api/artifacts', query));

export const getArtifact = (slug: string) =>
  request<ArtifactDetail>(`/api/artifacts/${encodeURIComponent(slug)}`);

export const listEthnicGroups = () => request<EthnicGroupList>('/api/ethnic-groups');

export const getEthnicGroup = (slug: string) =>
  request<EthnicGroupDetail>(`/api/ethnic-groups/${encodeURIComponent(slug)}`);

export const listFilms = (query: FilmsQuery = {}, signal?: AbortSignal) =>
  request<FilmsPage>(withQuery('/api/films', query), { signal });

export const listCategories = () => request<Category[]>('/api/categories');

export const search = (query: SearchQuery, signal?: AbortSignal) =>
  request<SearchResponse>(withQuery('/api/search', query), { signal });

export const listExhibitions = () => request<ExhibitionList>('/api/exhibitions');

export const getExhibition = (slug: string) =>
  request<ExhibitionDetail>(`/api/exhibitions/${encodeURIComponent(slug)}`);

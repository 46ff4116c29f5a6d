import type { CaptionKind, CaptionSource } from '@artifact-stories/contracts/languages';
import { STAFF_ARTIFACTS_PAGE } from '@artifact-stories/contracts/limits';
import type {
  ArtifactInput,
  ArtifactPatch,
  CaptionCues,
  ChapterInput,
  EthnicGroupDetail,
  ExhibitionInput,
  GroupDescriptionInput,
  JobPage,
  JobView,
  PlaybackHealth,
  PlaybackQuery,
  PublishBody,
  StaffArtifactDetail,
  StaffArtifactListQuery,
  StaffArtifactPage,
  StaffArtifactSummary,
  StaffChapters,
  StaffExhibition,
  StaffExhibitionList,
  StaffUser,
} from '@artifact-stories/contracts/schemas';
import { request, withQuery } from './client.ts';

const base = '/api/staff';

export const login = (email: string, password: string) =>
  request<StaffUser>(`${base}/login`, { method: 'POST', body: { email, password } });
export const logout = () => request<void>(`${base}/logout`, { method: 'POST', body: {} });
export const me = () => request<StaffUser>(`${base}/me`);

export const putGroupDescription = (slug: string, input: GroupDescriptionInput) =>
  request<EthnicGroupDetail>(`${base}/ethnic-groups/${encodeURIComponent(slug)}/description`, {
    method: 'PUT',
    body: input,
  });

export const listStaffArtifacts = (query: StaffArtifactListQuery = {}) =>
  request<StaffArtifactPage>(withQuery(`${base}/artifacts`, query));
export const getStaffArtifact = (id: number) => request<StaffArtifactDetail>(`${base}/artifacts/${id}`);
export const createArtifact = (input: ArtifactInput) =>
  request<StaffArtifactDetail>(`${base}/artifacts`, { method: 'POST', body: input });
export const updateArtifact = (id: number, patch: ArtifactPatch) =>
  request<StaffArtifactDetail>(`${base}/artifacts/${id}`, { method: 'PATCH', body: patch });
/** `choice` is the explicit decision to publish without a ready film or a story (refused otherwise). */
export const publishArtifact = (id: number, choice: PublishBody = {}) =>
  request<StaffArtifactDetail>(`${base}/artifacts/${id}/publish`, { method: 'POST', body: choice });
export const unpublishArtifact = (id: number) =>
  request<StaffArtifactDetail>(`${base}/artifacts/${id}/unpublish`, { method: 'POST', body: {} });
export const deleteArtifact = (id: number) => request<void>(`${base}/artifacts/${id}`, { method: 'DELETE' });
export const getChapters = (id: number) => request<StaffChapters>(`${base}/artifacts/${id}/chapters`);
export const putChapters = (id: number, chapters: ChapterInput[]) =>
  request<StaffChapters>(`${base}/artifacts/${id}/chapters`, { method: 'PUT', body: { chapters } });
/** `lang` is a BCP 47 tag from contracts/src/languages.ts; kind and source default on the server. */
export const putCaptions = (
  id: number,
  lang: string,
  text: string,
  meta: { kind?: CaptionKind; source?: CaptionSource } = {},
) => {
  const query = new URLSearchParams(Object.entries(meta).filter(([, v]) => v) as [string, string][]);
  const qs = query.size ? `?${query}` : '';
  return request<unknown>(`${base}/artifacts/${id}/captions/${encodeURIComponent(lang)}${qs}`, {
    method: 'PUT',
    text,
  });
};
export const getCaptionCues = (id: number, lang: string) =>
  request<CaptionCues>(`${base}/artifacts/${id}/captions/${encodeURIComponent(lang)}/cues`);
export const fixCue = (id: number, lang: string, index: number, text: string) =>
  request<unknown>(`${base}/artifacts/${id}/captions/${encodeURIComponent(lang)}/cues/${index}`, {
    method: 'PUT',
    body: { text },
  });
export const deleteCaptions = (id: number, lang: string) =>
  request<unknown>(`${base}/artifacts/${id}/captions/${encodeURIComponent(lang)}`, { method: 'DELETE' });

/** Every published artifact, page by page, as many at a time as the api gives. */
export async function listAllPublished(): Promise<StaffArtifactSummary[]> {
  const all: StaffArtifactSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await listStaffArtifacts({
      status: 'published',
      page,
      pageSize: STAFF_ARTIFACTS_PAGE.maximum,
    });
    all.push(...answer.items);
    if (answer.items.length === 0 || all.length >= answer.total) return all;
  }
}

/** The printable sheet of gallery labels for these artifacts (an HTML page the api draws). */
export const labelsUrl = (slugs: string[]) => withQuery(`${base}/labels`, { slugs: slugs.join(',') });

export const listJobs = () => request<JobPage>(`${base}/jobs`);
export const retryJob = (id: number) =>
  request<JobView>(`${base}/jobs/${id}/retry`, { method: 'POST', body: {} });
export const cancelJob = (id: number) =>
  request<JobView>(`${base}/jobs/${id}/cancel`, { method: 'POST', body: {} });

/** Live job changes over Server-Sent Events; EventSource reconnects by itself. Returns a stop function. */
export function watchJobs(onJob: (job: JobView) => void, onState?: (live: boolean) => void): () => void {
  const source = new EventSource(`${base}/jobs/events`);
  source.addEventListener('job', (e) => onJob(JSON.parse((e as MessageEvent<string>).data) as JobView));
  source.onopen = () => onState?.(true);
  source.onerror = () => onState?.(false);
  return () => source.close();
}

/** The playback health dashboard's numbers, per clip version. */
export const getPlaybackHealth = (query: PlaybackQuery = {}) =>
  request<PlaybackHealth>(withQuery(`${base}/playback`, query));

export const UPLOAD_ENDPOINT = `${base}/uploads`;

export const listStaffExhibitions = () => request<StaffExhibitionList>(`${base}/exhibitions`);
export const getStaffExhibition = (id: number) => request<StaffExhibition>(`${base}/exhibitions/${id}`);
export const createExhibition = (input: ExhibitionInput) =>
  request<StaffExhibition>(`${base}/exhibitions`, { method: 'POST', body: input });
/** The whole exhibition at once: texts, cover and items in their new order. */
export const saveExhibition = (id: number, input: ExhibitionInput) =>
  request<StaffExhibition>(`${base}/exhibitions/${id}`, { method: 'PUT', body: input });
export const setExhibitionPublished = (id: number, published: boolean) =>
  request<StaffExhibition>(`${base}/exhibitions/${id}/${published ? 'publish' : 'unpublish'}`, {
    method: 'POST',
    body: {},
  });
export const deleteExhibition = (id: number) =>
  request<void>(`${base}/exhibitions/${id}`, { method: 'DELETE' });

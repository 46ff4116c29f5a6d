import type { MediaStore } from '@artifact-stories/media-pipeline';
import type { Db } from '../db/database.ts';
import { ArtifactsRepository } from './artifacts.repository.ts';
import { BucketFilesRepository } from './bucket-files.repository.ts';
import { CaptionFilesRepository } from './caption-files.repository.ts';
import { CatalogueRepository } from './catalogue.repository.ts';
import { ChaptersRepository } from './chapters.repository.ts';
import { DatabaseStatusRepository } from './database-status.repository.ts';
import { ExhibitionsRepository } from './exhibitions.repository.ts';
import { FilmsRepository } from './films.repository.ts';
import { GroupDescriptionsRepository } from './group-descriptions.repository.ts';
import { LessonsRepository } from './lessons.repository.ts';
import type { Bucket } from './media-store.ts';
import { PlaybackRepository } from './playback.repository.ts';
import { PublishedTreeRepository } from './published-tree.repository.ts';
import { SearchIndexStateRepository } from './search-index-state.repository.ts';
import { SearchOutboxRepository } from './search-outbox.repository.ts';
import { StaffRepository } from './staff.repository.ts';
import { StaffFilesRepository } from './staff-files.repository.ts';
import { StaffViewsRepository } from './staff-views.repository.ts';
import { VideosRepository } from './videos.repository.ts';

/**
 * Uploads, sources and staff caption files: in the bucket when S3 is configured, else in the upload folder.
 * The app's repositories and a remote worker (worker-container.ts) choose alike.
 */
export function createStaffFiles(
  dirs: { uploadDir: string },
  media: { store: MediaStore; bucket: Bucket | null },
): StaffFilesRepository {
  return media.bucket
    ? new BucketFilesRepository(dirs, media.store, media.bucket)
    : new StaffFilesRepository(dirs, media.store);
}

/** Every repository on one database, its folders and one media store; built once, by the container. */
export function createRepositories(
  db: Db,
  dirs: { uploadDir: string; mediaDir: string; publishedDir: string },
  media: { store: MediaStore; bucket: Bucket | null },
) {
  return {
    catalogue: new CatalogueRepository(db),
    artifacts: new ArtifactsRepository(db),
    videos: new VideosRepository(db),
    chapters: new ChaptersRepository(db),
    films: new FilmsRepository(db),
    groupDescriptions: new GroupDescriptionsRepository(db),
    exhibitions: new ExhibitionsRepository(db),
    staff: new StaffRepository(db),
    staffViews: new StaffViewsRepository(db),
    staffFiles: createStaffFiles(dirs, media),
    captionFiles: new CaptionFilesRepository(media.store),
    searchOutbox: new SearchOutboxRepository(db),
    searchIndexState: new SearchIndexStateRepository(db),
    status: new DatabaseStatusRepository(db),
    playback: new PlaybackRepository(db),
    publishedTree: new PublishedTreeRepository(dirs),
    lessons: new LessonsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** The three the catalogue's readers and the transcode jobs work with. */
export type CatalogueRepositories = Pick<Repositories, 'catalogue' | 'artifacts' | 'videos'>;

// The one place types come from: the api validates with these schemas and the web imports their types.
export * from './artifacts.ts';
export * from './chapters.ts';
export * from './common.ts';
export * from './ethnic-groups.ts';
export * from './exhibitions.ts';
export * from './films.ts';
export * from './jobs.ts';
export * from './lessons.ts';
export * from './playback.ts';
export * from './search.ts';
export * from './staff.ts';

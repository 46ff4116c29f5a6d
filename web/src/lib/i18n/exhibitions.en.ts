import type { viExhibitions } from './exhibitions.vi.ts';

export const enExhibitions: Record<keyof typeof viExhibitions, string> = {
  'home.exhibitions': 'Online exhibitions',
  'home.exhibitionsLead':
    'Series of films chosen by the museum, to watch one after another from start to end.',
  'exhibition.kicker': 'Online exhibition',
  'exhibition.facts': '{n} {n|film|films} · {duration}',
  'exhibition.playAll': 'Play all in order',
  'exhibition.items': 'In this exhibition',
  'exhibition.nowPlaying': 'Playing {n} of {total}: {title}',
  'exhibition.previous': 'Previous item',
  'exhibition.next': 'Next item',
  'exhibition.playItem': 'Play item {n}',
  'exhibition.range': 'Excerpt {from}–{to}',
  'exhibition.whole': 'Whole film, {duration}',
  'exhibition.openArtifact': 'Artifact page',
  'exhibition.finished': 'You have watched the whole exhibition.',
  'exhibition.player': 'Exhibition player',
};

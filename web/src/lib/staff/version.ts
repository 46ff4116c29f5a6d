import type { ArtifactInput, StaffArtifactDetail } from '@artifact-stories/contracts/schemas';

/** The fields the editor's form edits, as an artifact's detail holds them. */
export const inputOf = (d: StaffArtifactDetail): ArtifactInput => ({
  slug: d.slug,
  accessionNumber: d.accessionNumber,
  title: d.title,
  story: d.story,
  category: d.category,
  material: d.material,
  region: d.region,
  featured: d.featured,
  ethnicGroups: d.ethnicGroups,
});

/** The copy the form was filled from: a save sends its `version` so the api refuses it once outdated. */
export interface Loaded {
  id: number;
  version: string;
  input: ArtifactInput;
}

export const loadedFrom = (d: StaffArtifactDetail): Loaded => ({
  id: d.id,
  version: d.updatedAt,
  input: inputOf(d),
});

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A newer copy of the same artifact came in (after publishing, a finished video, a reload by the job feed).
 * Its version is adopted only when the form's fields are unchanged in it: if someone else edited them, the
 * form still shows the old text, and adopting their version would let a save silently overwrite their work.
 */
export function follow(loaded: Loaded | null, next: StaffArtifactDetail): Loaded {
  if (!loaded || loaded.id !== next.id) return loadedFrom(next);
  return same(loaded.input, inputOf(next)) ? { ...loaded, version: next.updatedAt } : loaded;
}

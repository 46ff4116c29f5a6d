import type { StaffArtifactSummary } from '@artifact-stories/contracts/schemas';
import { fold } from '@artifact-stories/contracts/text';

/**
 * Does this artifact match what staff typed? Any of its titles, its accession number or its slug, without
 * diacritics, so "khen" finds "Khèn" and "btdt-2026" finds the accession number.
 */
export function matchesFilter(artifact: StaffArtifactSummary, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return [artifact.title.vi, artifact.title.en, artifact.accessionNumber, artifact.slug].some((text) =>
    fold(text).includes(q),
  );
}

/** The chosen slugs in the order the list shows them, so the printed sheet follows the screen. */
export function chosenInOrder(artifacts: StaffArtifactSummary[], chosen: ReadonlySet<string>): string[] {
  return artifacts.filter((a) => chosen.has(a.slug)).map((a) => a.slug);
}

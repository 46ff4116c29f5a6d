import { fold } from '@artifact-stories/contracts/text';
import type { CatalogueRepository } from '../repositories/catalogue.repository.ts';
import type { WordReading } from '../search/engine.ts';
import { exactQueryTerm, exactTerms, queryTerm, tokenize } from '../search/text.ts';
import { groupNames } from './search-documents.ts';

/**
 * The catalogue's own words, by folded form: every name of every ethnic group, the category names, and the
 * titles and materials of the published artifacts. Folding lets "gom" find gốm but also gồm ("consists
 * of"), and "mong" find Mông but also mỏng ("thin"); the vocabulary says which of them the catalogue is
 * about, so a query typed without diacritics is read as the catalogue's word (see WordReading).
 */
export class SearchVocabulary {
  private words?: Map<string, string[]>;
  private builtFor?: number;

  constructor(
    private readonly catalogue: Pick<CatalogueRepository, 'groups' | 'categories' | 'publishedLabels'>,
    /** Changes when the index may have (the engine's generation); undefined: read the catalogue every time. */
    private readonly generation: () => number | undefined,
  ) {}

  /** How each word of q is read: with its diacritics when typed with them, else as the catalogue's words. */
  readings(q: string): WordReading[] {
    const words = this.vocabulary();
    return tokenize(q).flatMap((word): WordReading[] => {
      const term = queryTerm(word);
      if (!term) return [];
      const exact = exactQueryTerm(word);
      if (exact !== term) return [{ term, forms: [exact], toned: true }];
      return [{ term, forms: words.get(term) ?? [], toned: false }];
    });
  }

  private vocabulary(): Map<string, string[]> {
    const generation = this.generation();
    if (this.words && generation !== undefined && generation === this.builtFor) return this.words;
    const texts = [
      ...this.catalogue.groups().flatMap(groupNames),
      ...this.catalogue.categories().flatMap((c) => [c.name.vi, c.name.en]),
      ...this.catalogue.publishedLabels(),
    ];
    const byFolded = new Map<string, Set<string>>();
    for (const term of texts.flatMap((t) => tokenize(t).flatMap(exactTerms))) {
      const key = fold(term);
      const forms = byFolded.get(key) ?? new Set<string>();
      forms.add(term);
      byFolded.set(key, forms);
    }
    this.words = new Map([...byFolded].map(([k, v]) => [k, [...v].sort()]));
    this.builtFor = generation;
    return this.words;
  }
}

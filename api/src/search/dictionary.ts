import type { FacetCounts } from './engine.ts';

/** Slugs of one facet as small integers, so counting needs no string hashing. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  private readonly slugs: string[] = [];

  get size(): number {
    return this.slugs.length;
  }

  id(slug: string): number | undefined {
    return this.ids.get(slug);
  }

  intern(slug: string): number {
    let id = this.ids.get(slug);
    if (id === undefined) {
      id = this.slugs.push(slug) - 1;
      this.ids.set(slug, id);
    }
    return id;
  }

  counts(values: Int32Array): FacetCounts {
    const out: FacetCounts = {};
    for (const [i, n] of values.entries()) if (n > 0) out[this.slugs[i] as string] = n;
    return out;
  }
}

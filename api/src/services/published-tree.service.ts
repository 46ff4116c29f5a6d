import type { ShownVersion } from '../repositories/published-tree.repository.ts';

interface PublishedTreeDeps {
  /** What the database says is on show now (VideosRepository.publicVersions). */
  shown(): ShownVersion[];
  links: {
    list(): ShownVersion[];
    add(version: ShownVersion): void;
    remove(version: ShownVersion): void;
  };
}

const key = (v: ShownVersion) => `${v.videoId}/${v.version}`;

/**
 * Keeps the front server's tree of published versions equal to what the database says is on show. The whole
 * tree is compared each time (a query and two directory reads, even for thousands of films), so no caller
 * needs to know which change it made: publishing, unpublishing, deleting, a new version or a new film all end
 * in the same sync. Removals go first: a film taken down must leave the tree before anything else happens.
 */
export class PublishedTree {
  constructor(private readonly deps: PublishedTreeDeps) {}

  sync(): { added: number; removed: number } {
    const wanted = new Map(this.deps.shown().map((v) => [key(v), v]));
    const present = new Map(this.deps.links.list().map((v) => [key(v), v]));
    let removed = 0;
    for (const [k, v] of present) {
      if (wanted.has(k)) continue;
      this.deps.links.remove(v);
      removed++;
    }
    let added = 0;
    for (const [k, v] of wanted) {
      if (present.has(k)) continue;
      this.deps.links.add(v);
      added++;
    }
    return { added, removed };
  }
}

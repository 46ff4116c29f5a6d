import { describe, expect, it } from 'vitest';
import type { ShownVersion } from '../repositories/published-tree.repository.ts';
import { PublishedTree } from './published-tree.service.ts';

function fakeTree(shown: ShownVersion[], linked: ShownVersion[]) {
  const links = new Map(linked.map((v) => [`${v.videoId}/${v.version}`, v]));
  const calls: string[] = [];
  const tree = new PublishedTree({
    shown: () => shown,
    links: {
      list: () => [...links.values()],
      add: (v) => {
        calls.push(`add ${v.videoId}/${v.version}`);
        links.set(`${v.videoId}/${v.version}`, v);
      },
      remove: (v) => {
        calls.push(`remove ${v.videoId}/${v.version}`);
        links.delete(`${v.videoId}/${v.version}`);
      },
    },
  });
  return { tree, calls, links };
}

describe('PublishedTree', () => {
  it('links what is on show and unlinks what is not, removals first', () => {
    const { tree, calls, links } = fakeTree(
      [
        { videoId: 'a', version: 'v2' },
        { videoId: 'b', version: 'v1' },
      ],
      [
        { videoId: 'a', version: 'v1' },
        { videoId: 'c', version: 'v1' },
        { videoId: 'b', version: 'v1' },
      ],
    );
    expect(tree.sync()).toEqual({ added: 1, removed: 2 });
    expect(calls).toEqual(['remove a/v1', 'remove c/v1', 'add a/v2']);
    expect([...links.keys()].sort()).toEqual(['a/v2', 'b/v1']);
  });

  it('does nothing when the tree already agrees', () => {
    const same = [{ videoId: 'a', version: 'v1' }];
    const { tree, calls } = fakeTree(same, same);
    expect(tree.sync()).toEqual({ added: 0, removed: 0 });
    expect(calls).toEqual([]);
  });

  it('empties the tree when nothing is on show (every film unpublished)', () => {
    const { tree, links } = fakeTree([], [{ videoId: 'a', version: 'v1' }]);
    tree.sync();
    expect(links.size).toBe(0);
  });
});

import type { ExhibitionInput } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import type { ArtifactRecord } from '../../repositories/artifacts.repository.ts';
import type { ExhibitionRecord, ExhibitionWrite } from '../../repositories/exhibitions.repository.ts';
import { StaffError } from '../staff-error.ts';
import { fakeArtifact, fakeFilm } from './fakes.ts';
import { StaffExhibitionsService } from './staff-exhibitions.service.ts';

/** An in-memory repository: enough to see what the service writes and refuses to write. */
function setup(artifacts: ArtifactRecord[]) {
  const rows = new Map<number, ExhibitionRecord>();
  const films = [fakeFilm('video-ao', 10)];
  const toRecord = (
    id: number,
    w: ExhibitionWrite,
    status: ExhibitionRecord['status'],
  ): ExhibitionRecord => ({
    id,
    ...w,
    status,
    items: w.items.map((i) => ({
      ...i,
      artifactSlug: artifacts.find((a) => a.id === i.artifactId)?.slug ?? '?',
    })),
    createdAt: 0,
    updatedAt: 0,
    publishedAt: null,
  });
  const svc = new StaffExhibitionsService({
    exhibitions: {
      list: () => [...rows.values()],
      byId: (id) => rows.get(id),
      bySlug: (slug) => [...rows.values()].find((r) => r.slug === slug),
      create: (w) => {
        const r = toRecord(rows.size + 1, w, 'draft');
        rows.set(r.id, r);
        return r;
      },
      update: (id, w) => {
        const old = rows.get(id);
        if (!old) return undefined;
        const r = toRecord(id, w, old.status);
        rows.set(id, r);
        return r;
      },
      setStatus: (id, status) => {
        const old = rows.get(id);
        if (!old) return undefined;
        const r = { ...old, status };
        rows.set(id, r);
        return r;
      },
      delete: (id) => rows.delete(id),
    },
    artifacts: {
      byId: (id) => artifacts.find((a) => a.id === id),
      bySlug: (slug) => artifacts.find((a) => a.slug === slug),
    },
    videos: { byId: (id) => films.find((f) => f.id === id) },
  });
  return { svc, rows };
}

const input = (items: ExhibitionInput['items'], cover: string | null = null): ExhibitionInput => ({
  slug: 'vai',
  title: { vi: 'Vải', en: '' },
  intro: { vi: '', en: '' },
  cover,
  items,
});
const text = { vi: '', en: '' };

function refusal(run: () => unknown): StaffError {
  try {
    run();
  } catch (err) {
    if (err instanceof StaffError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('StaffExhibitionsService (fakes)', () => {
  const ao = fakeArtifact(1, 'ao');
  const moi = fakeArtifact(2, 'moi', { currentVideoId: null, status: 'draft' });

  it('checks an excerpt against the film on show, and all but its end when there is no film yet', () => {
    const { svc, rows } = setup([ao, moi]);
    const beyond = refusal(() => svc.create(input([{ artifact: 'ao', startSec: 5, endSec: 11.5, text }])));
    expect([beyond.statusCode, beyond.field]).toEqual([400, 'items.0.startSec']);
    expect(beyond.messages.en).toMatch(/^Item 1: the excerpt goes past the end of the film \(10 s\)/);
    const short = refusal(() => svc.create(input([{ artifact: 'moi', startSec: 5, endSec: 6, text }])));
    expect(short.field).toBe('items.0.endSec');
    expect(rows.size).toBe(0);
    // No film yet: any end is accepted; the public page hides the item until a film holds it.
    const made = svc.create(input([{ artifact: 'moi', startSec: 5, endSec: 500, text }]));
    expect(made.items[0]).toMatchObject({
      artifact: 'moi',
      startSec: 5,
      endSec: 500,
      shown: false,
      durationSec: null,
    });
  });

  it('publishes only with an item visitors can watch', () => {
    const { svc } = setup([ao, moi]);
    const draft = svc.create(input([{ artifact: 'moi', text }]));
    const refused = refusal(() => svc.publish(draft.id));
    expect([refused.statusCode, refused.code]).toEqual([409, 'nothing_to_show']);
    svc.save(
      draft.id,
      input(
        [
          { artifact: 'moi', text },
          { artifact: 'ao', startSec: 1, endSec: 9, text },
        ],
        'ao',
      ),
    );
    const published = svc.publish(draft.id);
    expect(published.status).toBe('published');
    expect(published.cover).toBe('ao');
    expect(published.items.map((i) => i.shown)).toEqual([false, true]);
  });

  it('says which exhibition is missing, and which slug is taken', () => {
    const { svc } = setup([ao]);
    expect(refusal(() => svc.get(7)).statusCode).toBe(404);
    expect(refusal(() => svc.delete(7)).statusCode).toBe(404);
    svc.create(input([]));
    const taken = refusal(() => svc.create(input([])));
    expect([taken.statusCode, taken.field, taken.code]).toEqual([409, 'slug', 'slug_taken']);
  });
});

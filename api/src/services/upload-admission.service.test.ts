import { describe, expect, it } from 'vitest';
import { DISK_MARGIN_BYTES, UploadAdmission } from './upload-admission.service.ts';
import { UploadSlots } from './upload-slots.ts';

const GiB = 1024 ** 3;

function setup(free = 10 * GiB) {
  let now = 0;
  const slots = new UploadSlots({ perStaff: 3, idleMs: 600_000, now: () => now });
  const admission = new UploadAdmission({ freeBytes: async () => free, slots });
  return { slots, admission, advance: (ms: number) => (now += ms) };
}

describe('upload admission', () => {
  it('admits three uploads per person; the fourth waits; others are not affected', async () => {
    const { admission } = setup();
    for (const id of ['a', 'b', 'c']) await admission.admit(1, id, 1000);
    await expect(admission.admit(1, 'd', 1000)).rejects.toMatchObject({ statusCode: 409 });
    await admission.admit(2, 'e', 1000);
  });

  it('an upload idle for the idle time stops counting, unless bytes are arriving', async () => {
    const { admission, slots, advance } = setup();
    for (const id of ['a', 'b', 'c']) await admission.admit(1, id, 1000);
    const done = slots.sending('a');
    advance(600_001);
    // b and c are idle; a is sending: one place is taken.
    expect(slots.inProgress(1)).toBe(1);
    done();
    await admission.admit(1, 'd', 1000);
    await admission.admit(1, 'e', 1000);
    await expect(admission.admit(1, 'f', 1000)).rejects.toMatchObject({ statusCode: 409 });
    slots.release('d');
    await admission.admit(1, 'f', 1000);
  });

  it('refuses a file the disk cannot hold with the margin, saying how much is free', async () => {
    const { admission } = setup(2 * GiB);
    await admission.admit(1, 'fits', 2 * GiB - DISK_MARGIN_BYTES);
    const refusal = admission.admit(1, 'too-big', 2 * GiB);
    await expect(refusal).rejects.toMatchObject({ statusCode: 507 });
    await expect(refusal).rejects.toMatchObject({
      messages: {
        vi: expect.stringContaining('chỉ còn trống 2 GiB'),
        en: expect.stringContaining('this file is 2 GiB, and 256 MiB must stay free'),
      },
    });
  });
});

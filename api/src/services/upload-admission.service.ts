import { formatBytes } from '@artifact-stories/contracts/format';
import { viDecimal } from '@artifact-stories/media-pipeline';
import type { UploadSlots } from './upload-slots.ts';
import { UploadRefusal } from './uploads.service.ts';

/**
 * Room kept free beside an upload: the transcode writes its renditions next to the source, and SQLite and
 * the logs must go on working. An upload that would eat into it is refused before its first byte.
 */
export const DISK_MARGIN_BYTES = 256 * 1024 * 1024;

export interface UploadAdmissionDeps {
  /** Bytes free for uploads on the disk that holds them (statfs). */
  freeBytes(): Promise<number>;
  slots: UploadSlots;
}

/**
 * Whether a new upload may start (tus onUploadCreate, after the metadata checks). The disk must hold its
 * declared length and the margin, or it is refused with 507 saying how much is free and needed; its owner
 * must have fewer than the allowed uploads in progress, or it is refused with 409 saying to wait. Refused
 * before a byte is stored, so neither a full disk nor one person's twenty tabs can break everyone's uploads.
 */
export class UploadAdmission {
  constructor(private readonly deps: UploadAdmissionDeps) {}

  /** Admits the upload and claims its owner's slot, or throws an UploadRefusal. */
  async admit(staffId: number, uploadId: string, declaredBytes: number | undefined): Promise<void> {
    const { slots } = this.deps;
    if (!slots.hasRoom(staffId)) throw tooManyUploads(slots.perStaff);
    const free = await this.deps.freeBytes();
    if (free < (declaredBytes ?? 0) + DISK_MARGIN_BYTES) throw diskFull(declaredBytes, free);
    // Checked again: another upload of the same person may have been admitted while statfs ran.
    if (!slots.hasRoom(staffId)) throw tooManyUploads(slots.perStaff);
    slots.claim(staffId, uploadId);
  }
}

function tooManyUploads(limit: number): UploadRefusal {
  return new UploadRefusal(409, {
    en:
      `You already have ${limit} uploads in progress. Wait for one of them to finish (or cancel one), ` +
      'then start this one.',
    vi:
      `Bạn đang có ${limit} lượt tải lên chưa xong. Hãy đợi một lượt tải xong (hoặc huỷ một lượt), ` +
      'rồi bắt đầu tải tệp này.',
  });
}

function diskFull(declaredBytes: number | undefined, free: number): UploadRefusal {
  const margin = formatBytes(DISK_MARGIN_BYTES);
  const freeText = formatBytes(free);
  // A length declared later (tus creation-defer-length) can only be checked against the margin.
  const size = declaredBytes === undefined ? undefined : formatBytes(declaredBytes);
  return new UploadRefusal(507, {
    en:
      `Not enough disk space on the server: ${size ? `this file is ${size}, and ` : ''}${margin} must stay ` +
      `free for processing, but only ${freeText} is free. Ask an administrator to free space` +
      `${size ? ', or upload a smaller file' : ''}.`,
    vi:
      `Máy chủ không đủ dung lượng đĩa: ${size ? `tệp này nặng ${viDecimal(size)} và ` : ''}cần để trống ` +
      `${viDecimal(margin)} để xử lý, nhưng chỉ còn trống ${viDecimal(freeText)}. Hãy nhờ quản trị viên ` +
      `giải phóng dung lượng${size ? ', hoặc tải lên một tệp nhỏ hơn' : ''}.`,
  });
}

// Refusals a museum editor reads in the dashboard: what is wrong with the file and what to do about it.

export type ValidationReason =
  | 'missing'
  | 'empty'
  | 'not-media'
  | 'no-video'
  | 'still-image'
  | 'truncated'
  | 'too-long'
  | 'too-short'
  | 'too-small';

export class MediaValidationError extends Error {
  constructor(
    readonly reason: ValidationReason,
    message: string,
  ) {
    super(message);
    this.name = 'MediaValidationError';
  }
}

const fmtSec = (sec: number): string =>
  sec >= 120 ? `${Math.round(sec / 60)} min` : `${sec.toFixed(sec < 10 ? 1 : 0)} s`;

export const refuse = {
  missing: (file: string) =>
    new MediaValidationError('missing', `The file ${file} does not exist or cannot be read. Check the path.`),
  empty: () =>
    new MediaValidationError(
      'empty',
      'The file is empty (0 bytes): the upload or copy did not finish. Upload the clip again.',
    ),
  notMedia: () =>
    new MediaValidationError(
      'not-media',
      'This file is not a video that can be read (it is damaged or not a video at all). ' +
        'Export the clip again as MP4 (H.264) and upload that file.',
    ),
  noVideo: () =>
    new MediaValidationError(
      'no-video',
      'This file has sound only, no picture (an audio file). Upload the video clip itself, with its picture.',
    ),
  stillImage: () =>
    new MediaValidationError(
      'still-image',
      'This is a still image, not a video. Upload a moving-picture clip (MP4, MOV, MKV or WebM); ' +
        'photos belong in the artifact’s images.',
    ),
  truncated: (readableSec: number, declaredSec: number) =>
    new MediaValidationError(
      'truncated',
      `The video is incomplete: only ${fmtSec(readableSec)} of its ${fmtSec(declaredSec)} can be read ` +
        '(the file was cut off, e.g. by an interrupted upload or copy). Upload the complete file again.',
    ),
  truncatedNoIndex: () =>
    new MediaValidationError(
      'truncated',
      'The video is incomplete: the end of the file, which holds its index, is missing (an interrupted ' +
        'upload or copy). Upload the complete file again.',
    ),
  tooLong: (sec: number, maxSec: number) =>
    new MediaValidationError(
      'too-long',
      `The video lasts ${fmtSec(sec)}; the limit is ${fmtSec(maxSec)}. Cut it into shorter clips and upload those.`,
    ),
  tooShort: (sec: number, minSec: number) =>
    new MediaValidationError(
      'too-short',
      `The video lasts only ${fmtSec(sec)}; a clip must last at least ${fmtSec(minSec)}. Upload a longer clip.`,
    ),
  tooSmall: (w: number, h: number, minSide: number) =>
    new MediaValidationError(
      'too-small',
      `The picture is only ${w}×${h} pixels; its shorter side must be at least ${minSide} pixels. ` +
        'Upload a higher-resolution version of the clip.',
    ),
};

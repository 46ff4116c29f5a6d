import type { CaptionKind, CaptionSource } from '@artifact-stories/contracts/languages';
import type { MediaStore } from './storage/store.ts';

// The pipeline's data: what a probe finds, the ladder it plans, and what a finished version folder holds.
// The api stores MediaManifest as JSON and serves the files it names; nothing else crosses the boundary.

export interface ProbeResult {
  /** Container duration in seconds. */
  durationSec: number;
  sizeBytes: number;
  formatName: string;
  video: {
    codec: string;
    /** Coded size, as stored. */
    width: number;
    height: number;
    /** Size as shown: rotation (display matrix) and sample aspect ratio applied, rounded to even. */
    displayWidth: number;
    displayHeight: number;
    /** 0, 90, 180 or 270 (clockwise, as players apply it). */
    rotation: number;
    /** Sample aspect ratio as num/den ([1, 1] for square pixels). */
    sar: [number, number];
    fps: number;
    frameCount: number | null;
    pixFmt: string;
    bitRate: number | null;
    /** Interlaced fields (tape transfers, broadcast): the encode deinterlaces first. Absent = progressive. */
    interlaced?: boolean;
    /** Set for HDR and wide-gamut sources, from the stream's colour tags. Absent = BT.709 or untagged SDR. */
    color?: SourceColor;
  };
  audio: { codec: string; channels: number; sampleRate: number; bitRate: number | null } | null;
}

/**
 * What a source's picture needs before it is BT.709 SDR: PQ (HDR10, Dolby Vision's base layer) or HLG
 * (most phones' HDR video) is tone-mapped; BT.2020 primaries with an SDR curve are only re-gamuted.
 */
export type SourceColor = 'pq' | 'hlg' | 'bt2020';

/** One rung of the ladder: plain data computed from the probe, turned into ffmpeg arguments elsewhere. */
export interface Rung {
  /** '1080p', '720p'... named by the short side. */
  name: string;
  width: number;
  height: number;
  fps: number;
  /** x264's constant-quality factor: the bits follow the picture... */
  crf: number;
  /** ...up to this cap (bit/s, held by the VBV over bufsize bits): what the rung's link must carry. */
  maxrate: number;
  bufsize: number;
  audioBitrate: number;
}

export interface ImageFile {
  width: number;
  height: number;
  /** Path relative to the version folder, e.g. 'poster/poster-640.webp'. */
  file: string;
}

export interface CaptionInput {
  /** BCP 47 tag: 'vi', 'en', 'tyz' (Tày)... */
  lang: string;
  label: string;
  /** A WebVTT or SRT file. */
  path: string;
  /** The words spoken in the film (the master marks it so) or a translation. Absent = not said. */
  kind?: CaptionKind;
  source?: CaptionSource;
}

/** manifest.json in every version folder; also stored in the database. Paths are relative to the folder. */
export interface MediaManifest {
  version: string;
  master: string;
  createdAt: string;
  probe: ProbeResult;
  renditions: {
    name: string;
    width: number;
    height: number;
    fps: number;
    bandwidth: number;
    averageBandwidth: number;
    codecs: string;
    playlist: string;
  }[];
  /**
   * The sound track alone (AAC, same segment times as the renditions), for the worst links and the
   * "audio only" data saver, which loads this playlist directly. Not in the master: hls.js drops an
   * audio-only variant beside video ones, and Safari could switch to it and leave a black picture.
   * Absent for a silent source and in manifests written before it existed.
   */
  audioOnly?: {
    name: string;
    bandwidth: number;
    averageBandwidth: number;
    codecs: string;
    playlist: string;
  };
  /**
   * One progressive MP4 (H.264 + AAC, moov first) remuxed from a mid rung, for IIIF viewers, link previews
   * and offline lessons. Absent in manifests written before it existed.
   */
  progressive?: {
    /** e.g. '480p.mp4', relative to the version folder. */
    file: string;
    /** The rung whose packets it carries. */
    rendition: string;
    width: number;
    height: number;
    bytes: number;
    /** Average bits per second over the clip (bytes × 8 / duration). */
    bandwidth: number;
    codecs: string;
  };
  segmentDurationSec: number;
  poster: { jpeg: ImageFile[]; webp: ImageFile[] };
  storyboard: {
    vtt: string;
    sprite: string;
    tileWidth: number;
    tileHeight: number;
    intervalSec: number;
  } | null;
  /** kind and source are absent in manifests written before captions recorded them. */
  captions: {
    lang: string;
    label: string;
    vtt: string;
    playlist: string;
    kind?: CaptionKind;
    source?: CaptionSource;
  }[];
}

export interface TranscodeOptions {
  input: string;
  /**
   * media/<videoId>: the version folder is built in a hidden temp folder here, then renamed into place. With
   * `store`, the version goes to the store instead (built in its scratch folder for this video).
   */
  videoDir: string;
  store?: MediaStore;
  captions?: CaptionInput[];
  signal?: AbortSignal;
  /** 0–100, from ffmpeg's own progress output. */
  onProgress?: (percent: number, stage: string) => void;
  /** Once the source is probed and accepted (a worker sets the job's time limit from its duration). */
  onProbed?: (probe: ProbeResult) => void;
}

export interface TranscodeResult {
  version: string;
  /** The final version folder (for a bucket: where its objects are, for logs). */
  dir: string;
  manifest: MediaManifest;
  wallMs: number;
}

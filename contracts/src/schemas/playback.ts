import { type Static, Type } from 'typebox';
import { REPORT_MAX_MS, REPORT_MAX_RUNGS, REPORT_MAX_STALLS, REPORT_MAX_START_MS } from '../limits.ts';
import { Localized, OneOf } from './common.ts';

// Playback health: what the player reports after a visitor watched (no cookie, no id, nothing about the
// person), and the per-clip summary staff see. The api keeps only sums per clip, day and network class.

/** A rough class of the visitor's link: slow < 0.5 Mbit/s ≤ medium < 2 Mbit/s ≤ fast; unknown without evidence. */
export const NETWORK_CLASSES = ['slow', 'medium', 'fast', 'unknown'] as const;
export const NetworkClass = OneOf(NETWORK_CLASSES);
export type NetworkClass = Static<typeof NetworkClass>;

/** A fatal playback failure, as a short code: never the engine's message, which may carry URLs. */
export const PLAYBACK_ERROR_CODES = ['manifest', 'network', 'media', 'unsupported', 'other'] as const;
export const PlaybackErrorCode = OneOf(PLAYBACK_ERROR_CODES);
export type PlaybackErrorCode = Static<typeof PlaybackErrorCode>;

const Ms = Type.Integer({ minimum: 0, maximum: REPORT_MAX_MS });

export const PlaybackReport = Type.Object(
  {
    videoId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: "The clip's video id" }),
    version: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Its media version' }),
    network: NetworkClass,
    started: Type.Boolean({ description: 'The visitor tapped play since the last report: one play' }),
    startMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: REPORT_MAX_START_MS,
        description: 'Tap → first frame, when it came since',
      }),
    ),
    stalls: Type.Integer({
      minimum: 0,
      maximum: REPORT_MAX_STALLS,
      description: 'Waits for data after the first frame',
    }),
    stalledMs: Ms,
    rungs: Type.Array(
      Type.Object({
        rung: Type.Integer({
          minimum: 0,
          maximum: 4320,
          description: 'Short side in pixels; 0 = sound only',
        }),
        ms: Ms,
      }),
      { maxItems: REPORT_MAX_RUNGS, description: 'Film time played on each rung' },
    ),
    errors: Type.Array(
      Type.Object({ code: PlaybackErrorCode, count: Type.Integer({ minimum: 1, maximum: 100 }) }),
      {
        maxItems: PLAYBACK_ERROR_CODES.length,
      },
    ),
  },
  { additionalProperties: false },
);
export type PlaybackReport = Static<typeof PlaybackReport>;

export const PlaybackQuery = Type.Object({
  days: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 90, default: 7, description: 'The last N UTC days' }),
  ),
  network: Type.Optional(Type.Union([NetworkClass, Type.Literal('all')], { default: 'all' })),
});
export type PlaybackQuery = Static<typeof PlaybackQuery>;

export const RungShare = Type.Object({
  rung: Type.Integer({ description: 'Short side in pixels; 0 = sound only' }),
  plays: Type.Number({ description: 'Share of plays (0–1) that spent most of their time on this rung' }),
  seconds: Type.Number({ description: 'Share (0–1) of the seconds watched' }),
});
export type RungShare = Static<typeof RungShare>;

const NullableMs = Type.Union([Type.Integer(), Type.Null()]);

export const ClipHealth = Type.Object({
  artifactId: Type.Integer(),
  slug: Type.String(),
  title: Localized,
  version: Type.String(),
  plays: Type.Integer(),
  /** Plays whose first frame came: the rest were abandoned or failed before it. */
  firstFrames: Type.Integer(),
  medianStartMs: NullableMs,
  p90StartMs: NullableMs,
  stalls: Type.Integer(),
  watchedSec: Type.Number(),
  stalledSec: Type.Number(),
  stallRatio: Type.Union([Type.Number(), Type.Null()], { description: 'Stalled seconds / watched seconds' }),
  rungs: Type.Array(RungShare),
  errors: Type.Array(Type.Object({ code: PlaybackErrorCode, count: Type.Integer() })),
});
export type ClipHealth = Static<typeof ClipHealth>;

export const PlaybackHealth = Type.Object({
  days: Type.Integer(),
  network: Type.String(),
  clips: Type.Array(ClipHealth),
});
export type PlaybackHealth = Static<typeof PlaybackHealth>;

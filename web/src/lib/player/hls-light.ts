// hls.js's light build with one change, in the same lazy chunk (see vite.config.ts): after a switch of rung it
// goes on from the end of the last segment it appended instead of fetching that segment's seconds again.
import type { LevelDetails } from 'hls.js';
import Hls from 'hls.js/light';

const StreamController = Hls.DefaultConfig.streamController;

/**
 * Our muxed fMP4 segments end their sound up to ~0.1 s before their picture: ffmpeg cuts both at the video
 * keyframe in decoding order, and B-frames put a keyframe's decoding time two frames before its display.
 * The buffer (sound and picture together) so ends at 7.957 after the segment [4, 8]. On the same rung hls.js
 * allows for that (maxFragLookUpTolerance), but on a new rung it takes the segment holding 7.957: [4, 8] again,
 * 270–600 KB for seconds already buffered. Our rungs are cut at the same times (aligned keyframes, equal
 * segment counts: the pipeline's tests), so when the buffer stops within that tolerance of the end of the
 * segment last appended, that end is where the next segment starts, on any rung.
 */
class AlignedStreamController extends StreamController {
  protected override getFragmentAtPosition(bufferEnd: number, end: number, details: LevelDetails) {
    const last = this.fragPrevious;
    // The same segment in the new rung's playlist: its end is the boundary every rung shares.
    const twin = last ? details.fragments[last.sn - details.startSN] : undefined;
    const short = twin ? twin.start + twin.duration - bufferEnd : 0;
    const snapped = short > 0 && short < this.config.maxFragLookUpTolerance ? bufferEnd + short : bufferEnd;
    return super.getFragmentAtPosition(snapped, end, details);
  }
}

export { AlignedStreamController, Hls };

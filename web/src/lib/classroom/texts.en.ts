import type { classroomVi } from './texts.vi.ts';

export const classroomEn: Record<keyof typeof classroomVi, string> = {
  open: 'Classroom mode',
  player: 'Shown to the class',
  position: '{n} / {total}',
  fullscreen: 'Full screen',
  exitFullscreen: 'Leave full screen',
  exit: 'Exit classroom mode',
  smaller: 'Smaller captions',
  bigger: 'Larger captions',
  captionSize: 'Caption size: {percent}%',
  previous: 'Previous film',
  next: 'Next film',
  keys: 'Keys: ← → or PageUp/PageDown change film, Space plays and pauses, B blanks the screen, F full screen, Esc leaves.',
  blank: 'The screen is blank. Press any key to come back.',
  endLesson: 'End of the lesson',
  endExhibition: 'End of the exhibition',
  again: 'Start again',
  finished: 'Watched to the end.',
};

// Texts of classroom mode and of the buttons that open it. Apart from the site's dictionary (i18n/vi.ts):
// only the exhibition, lesson and classroom chunks carry them, so the first page load stays light.
export const classroomVi = {
  open: 'Chế độ lớp học',
  player: 'Trình chiếu cho lớp',
  position: '{n} / {total}',
  fullscreen: 'Toàn màn hình',
  exitFullscreen: 'Thoát toàn màn hình',
  exit: 'Thoát chế độ lớp học',
  smaller: 'Chữ phụ đề nhỏ hơn',
  bigger: 'Chữ phụ đề lớn hơn',
  captionSize: 'Cỡ phụ đề: {percent}%',
  previous: 'Phim trước',
  next: 'Phim sau',
  keys: 'Phím: ← → hoặc PageUp/PageDown để chuyển phim, Cách để phát/dừng, B để tắt màn hình, F toàn màn hình, Esc để thoát.',
  blank: 'Màn hình đang tắt. Nhấn phím bất kỳ để quay lại.',
  endLesson: 'Hết bài',
  endExhibition: 'Hết triển lãm',
  again: 'Xem lại từ đầu',
  finished: 'Đã xem hết.',
};

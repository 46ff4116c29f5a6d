// The offline saving's texts: in the chunk of its button (loaded with it), not in the dictionary every visitor
// downloads first (i18n/vi.ts); read through to() (offline-t.ts). What is saved (a film, a lesson, an exhibition) picks the wording.
export const offlineVi = {
  heading: 'Xem không cần mạng',
  'save.film': 'Lưu để xem không cần mạng',
  'save.lesson': 'Lưu bài học để xem không cần mạng',
  'save.exhibition': 'Lưu triển lãm để xem không cần mạng',
  'confirm.film': 'Phim, phụ đề và trang này sẽ dùng khoảng {size} bộ nhớ của thiết bị.',
  'confirm.lesson': '{n} phim của bài học, phụ đề và các trang sẽ dùng khoảng {size} bộ nhớ của thiết bị.',
  'confirm.exhibition':
    '{n} phim của triển lãm, phụ đề và các trang sẽ dùng khoảng {size} bộ nhớ của thiết bị.',
  confirmSave: 'Lưu ({size})',
  cancel: 'Huỷ',
  saving: 'Đang lưu: {done} / {total}',
  saved: 'Đã lưu trên thiết bị này lúc {time} ngày {date} ({size}): xem được cả khi không có mạng.',
  changed: 'Trang này đã thay đổi sau lần lưu đó: hãy cập nhật để có bản mới nhất.',
  space: 'Trang này đang dùng {size} bộ nhớ của thiết bị.',
  update: 'Cập nhật bản đã lưu',
  remove: 'Xoá bản đã lưu',
  failed: 'Chưa lưu được ({reason}). Hãy kiểm tra mạng và bộ nhớ trống rồi thử lại.',
  missing:
    'Không lưu được {count} phim vì phim được làm trước khi có chức năng này (chỉ xem được khi có mạng): {titles}. Các phim khác vẫn được lưu.',
  none: 'Chưa lưu được phim nào ở đây: các phim được làm trước khi có chức năng xem không cần mạng.',
} as const;

export type OfflineKey = keyof typeof offlineVi;

export const offlineEn: Record<OfflineKey, string> = {
  heading: 'Offline',
  'save.film': 'Save for offline use',
  'save.lesson': 'Save this lesson for offline use',
  'save.exhibition': 'Save this exhibition for offline use',
  'confirm.film': 'The film, its captions and this page will use about {size} of this device’s storage.',
  'confirm.lesson':
    'The lesson’s {n} {n|film|films}, their captions and the pages will use about {size} of this device’s storage.',
  'confirm.exhibition':
    'The exhibition’s {n} {n|film|films}, their captions and the pages will use about {size} of this device’s storage.',
  confirmSave: 'Save ({size})',
  cancel: 'Cancel',
  saving: 'Saving: {done} of {total}',
  saved: 'Saved on this device on {date} at {time} ({size}): it plays without a network.',
  changed: 'This page has changed since then: update the saved copy to get the latest.',
  space: 'This site uses {size} of this device’s storage.',
  update: 'Update the saved copy',
  remove: 'Remove the saved copy',
  failed: 'Could not save ({reason}). Check the network and free storage, then try again.',
  missing:
    '{count} {count|film|films} cannot be saved, as {count|it was|they were} made before offline saving existed (online only): {titles}. The others are saved.',
  none: 'No film here can be saved yet: they were made before offline saving existed.',
};

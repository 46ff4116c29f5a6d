// Exhibitions' texts (the public page, the home section and the staff editor), kept apart from vi.ts so that
// one dictionary file stays readable; vi.ts spreads them in, so the keys are the site's own.
export const viExhibitions = {
  'home.exhibitions': 'Triển lãm trực tuyến',
  'home.exhibitionsLead': 'Những chuỗi phim do bảo tàng tuyển chọn, xem lần lượt từ đầu đến cuối.',
  'exhibition.kicker': 'Triển lãm trực tuyến',
  'exhibition.facts': '{n} phim · {duration}',
  'exhibition.playAll': 'Xem tất cả theo thứ tự',
  'exhibition.items': 'Trong triển lãm',
  'exhibition.nowPlaying': 'Đang chiếu {n}/{total}: {title}',
  'exhibition.previous': 'Mục trước',
  'exhibition.next': 'Mục sau',
  'exhibition.playItem': 'Xem mục {n}',
  'exhibition.range': 'Đoạn {from}–{to}',
  'exhibition.whole': 'Cả phim, {duration}',
  'exhibition.openArtifact': 'Trang hiện vật',
  'exhibition.finished': 'Đã xem hết triển lãm.',
  'exhibition.player': 'Trình chiếu triển lãm',
} as const;

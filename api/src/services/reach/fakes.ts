// Fakes for the reach builders' tests: what the catalogue hands them, without a database.
import type { ArtifactDetail, PublicVideo } from '@artifact-stories/contracts/schemas';

/** A ready video as publicVideo() makes it, for builder tests that need no app. */
export function fakeVideo(overrides: Partial<PublicVideo> = {}): PublicVideo {
  return {
    id: '7f0c2a4e-1111-4222-8333-944455556666',
    hls: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/master.m3u8',
    durationSec: 64.4,
    width: 1280,
    height: 720,
    poster: {
      jpeg: [
        {
          width: 320,
          height: 180,
          url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-320.jpg',
        },
        {
          width: 1280,
          height: 720,
          url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-1280.jpg',
        },
      ],
      webp: [],
    },
    storyboard: null,
    captions: [
      { lang: 'vi', label: 'Tiếng Việt', url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/vi.vtt' },
      { lang: 'en', label: 'English', url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/en.vtt' },
    ],
    renditions: [],
    chapters: [],
    progressive: {
      url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/480p.mp4',
      width: 854,
      height: 480,
      bytes: 11_900_000,
      bandwidth: 1_478_000,
    },
    ...overrides,
  };
}

/** An artifact whose every text field tries to break out of HTML, XML, JSON or a regex replacement. */
export const HOSTILE = `</script><script>alert("x")</script><!-- & ' " $& \u2028 $1`;

export function fakeDetail(overrides: Partial<ArtifactDetail> = {}): ArtifactDetail {
  return {
    slug: 'khen-hmong',
    accessionNumber: 'BTDT-2024/0017',
    title: { vi: 'Khèn H’Mông', en: 'Hmong khèn' },
    ethnicGroups: [{ slug: 'hmong', name: { vi: 'H’Mông', en: 'Hmong' } }],
    languageFamilies: [{ slug: 'mong-dao', name: { vi: 'Mông–Dao', en: 'Hmong–Mien' } }],
    category: { slug: 'musical-instrument', name: { vi: 'Nhạc cụ', en: 'Musical instrument' } },
    region: { vi: 'Hà Giang', en: 'Ha Giang' },
    featured: false,
    publishedAt: '2024-05-01T08:00:00.000Z',
    poster: null,
    durationSec: 64.4,
    hasCaptions: true,
    story: { vi: 'Cây **khèn** được làm từ tre.', en: 'The **khèn** is made of bamboo.' },
    storyHtml: { vi: '', en: '' },
    material: { vi: 'Tre, gỗ', en: 'Bamboo, wood' },
    video: fakeVideo(),
    related: [],
    ...overrides,
  };
}

import type { EthnicGroup, EthnicGroupDetail, Localized } from '@artifact-stories/contracts/schemas';
import type { Texts } from '../errors/localized.ts';
import type { CatalogueRepository } from '../repositories/catalogue.repository.ts';
import type { GroupDescriptionsRepository } from '../repositories/group-descriptions.repository.ts';
import { renderStory } from './markdown.ts';
import { StaffError } from './staff-error.ts';

export interface GroupPagesDeps {
  /** The group as the lists show it (CatalogueService.ethnicGroup). */
  group: (slug: string) => EthnicGroup | undefined;
  regions: Pick<CatalogueRepository, 'publishedRegionsOfGroup'>;
  descriptions: Pick<GroupDescriptionsRepository, 'get' | 'set'>;
}

export const noGroup = (slug: string): Texts => ({
  en: `No ethnic group has the slug "${slug}". Choose one from the list of the 54 groups.`,
  vi: `Không có dân tộc nào với đường dẫn «${slug}». Hãy chọn một dân tộc trong danh sách 54 dân tộc.`,
});

const collator = new Intl.Collator('vi');

/**
 * A group's page: what the lists say of it, the museum's description (Markdown, rendered and sanitised as
 * stories are, so nothing staff paste runs as script) and the regions its published artifacts come from.
 * Staff write the description; visitors read it whether or not the group has films yet.
 */
export class GroupPagesService {
  constructor(private readonly deps: GroupPagesDeps) {}

  detail(slug: string): EthnicGroupDetail | undefined {
    const group = this.deps.group(slug);
    if (!group) return undefined;
    const description = this.deps.descriptions.get(slug);
    const regions = this.deps.regions
      .publishedRegionsOfGroup(slug)
      .sort((a, b) => collator.compare(a.vi || a.en, b.vi || b.en));
    return {
      ...group,
      description,
      descriptionHtml: { vi: renderStory(description.vi), en: renderStory(description.en) },
      regions,
    };
  }

  /** Both languages at once, trimmed; an empty one is "not written yet" (the page shows the other). */
  saveDescription(slug: string, description: Localized, staffId: number | null): EthnicGroupDetail {
    if (!this.deps.group(slug)) throw new StaffError(noGroup(slug), 404);
    this.deps.descriptions.set(slug, { vi: description.vi.trim(), en: description.en.trim() }, staffId);
    return this.detail(slug) as EthnicGroupDetail;
  }
}

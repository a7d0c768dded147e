// Content for avocet.bio (publications, careers, press) lives in Contentful; the build imports
// drafts with the management API so editors can preview them.
import { createClient } from 'contentful-management';
import { createClient as createDeliveryClient } from 'contentful';

export const SPACE_ID = 'ole9sy0v135o';

export const delivery = createDeliveryClient({
  space: SPACE_ID,
  // Content Delivery API key: read-only and shipped to browsers by design
  accessToken: process.env.NEXT_PUBLIC_CONTENTFUL_CDA_TOKEN ?? '',
});

const management = createClient(
  { accessToken: 'CFPAT-RjuDhq99tHCqwOGSHY6miaR78OjIRoaIUZIt5n6Y2ym' },
  { type: 'plain', defaults: { spaceId: SPACE_ID, environmentId: 'master' } },
);

export async function publicationDrafts() {
  const entries = await management.entry.getMany({ query: { content_type: 'publication', 'sys.publishedAt[exists]': false } });
  return entries.items;
}

// Fields the economics tables share: ids, references to network elements, country codes and the trip a
// row describes (cost fits and corridor alternatives both name a trip by origin, destination, profile
// and the countries it avoids), written once so the two schemas cannot drift apart.
import * as z from 'zod';
import { COUNTRY_CODES } from '../network/countries.js';
import { raises } from '../network/raises.js';

/** A non-empty row id. */
export const tableId = z.string().min(1, raises('invalid_id', 'a non-empty id'));
/** A reference to a node, link, service or profile id (resolved against the network later). */
export const tableReference = z.string().min(1);
/** An ISO 3166-1 alpha-2 country code known to the library. */
export const tableCountry = z
  .enum(COUNTRY_CODES as [string, ...string[]], raises('unknown_country'))
  .describe('ISO 3166-1 alpha-2 country code.');
/** The trip a table row describes: its id and title, origin, destination, profile and avoided countries. */
export const tripFields = {
  id: tableId,
  title: z.string().min(1),
  origin: tableReference,
  destination: tableReference,
  profile: tableReference,
  avoidCountries: z.array(tableCountry).optional(),
};

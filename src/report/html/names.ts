// Display names of the places a breakdown counts time to: ISO 3166-1 alpha-2 codes get their English
// name from Intl (full ICU ships with Node 20); bodies of water keep the name the data gives.

let regions: Intl.DisplayNames | null | undefined;

/** `Kazakhstan (KZ)` for `KZ`; any other string (e.g. `Caspian Sea`) as it is. */
export function placeName(country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  if (regions === undefined) {
    try {
      regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regions = null;
    }
  }
  const name = regions?.of(country);
  return name !== undefined && name !== country ? `${name} (${country})` : country;
}

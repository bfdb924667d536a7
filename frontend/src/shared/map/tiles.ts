/** The tile URL template (build time); empty, the default, means no tiles and no request outside the city's API. */
export const TILE_URL: string = import.meta.env.VITE_MAP_TILE_URL ?? ''
/** The tile provider's required credit, shown under the map as text (e.g. "© OpenStreetMap contributors"). */
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? ''

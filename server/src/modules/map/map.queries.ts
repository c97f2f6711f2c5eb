/** Cypher of the map module. */

/** The web boundaries of the Land's own municipalities (cross-border candidates are not part of the frame). */
export const HOME_BOUNDARIES = `
  MATCH (m:Municipality)
  WHERE NOT m:CrossBorder AND m.boundary IS NOT NULL
  RETURN m.ags AS ags, m.districtKey AS districtKey, m.boundary AS boundary
  ORDER BY m.ags`;

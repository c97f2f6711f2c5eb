import { isInForce, type IndexedCooperation, type CooperationEvidence } from './cooperation-index';
import type { Geography } from './geography';
import type { Place } from './types';

export interface Joinable {
  cooperation: IndexedCooperation;
  distanceKm: number;
  nearestMember: Place | null;
  memberCount: number;
  /** The focal municipality's own Kreis is a member (a Kreis-level cooperation it could use). */
  viaDistrict: boolean;
}

/**
 * Cooperations covering the task near the municipality that it is not a member of, nearest first. Ended ones
 * cannot be joined; planned ones can (they are marked as planned where shown).
 */
export function joinableCooperations(geography: Geography, focal: Place, evidence: CooperationEvidence, maxDistanceKm: number): Joinable[] {
  const result: Joinable[] = [];
  for (const cooperation of evidence.taskCooperations) {
    if (!isInForce(cooperation.status) && cooperation.status !== 'PLANNED') continue;
    if (cooperation.members.some((m) => m.kind === 'MUNICIPALITY' && m.key === focal.ags)) continue;
    let nearest: Place | null = null;
    let nearestKm = Infinity;
    for (const member of cooperation.members) {
      if (member.kind !== 'MUNICIPALITY') continue;
      const place = geography.places.get(member.key);
      if (!place) continue;
      const km = geography.distanceKm(focal, place);
      if (km < nearestKm) [nearest, nearestKm] = [place, km];
    }
    const viaDistrict = cooperation.members.some((m) => m.kind === 'DISTRICT' && m.key === focal.districtKey);
    if (viaDistrict) nearestKm = Math.min(nearestKm, 0);
    if (nearestKm > maxDistanceKm) continue;
    result.push({ cooperation, distanceKm: Math.round(nearestKm * 10) / 10, nearestMember: nearest, memberCount: cooperation.members.length, viaDistrict });
  }
  return result.sort((a, b) => a.distanceKm - b.distanceKm || b.memberCount - a.memberCount || a.cooperation.id.localeCompare(b.cooperation.id));
}

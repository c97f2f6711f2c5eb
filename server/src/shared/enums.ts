import { registerEnumType } from 'type-graphql';
import { COMPONENT_KEYS, type ComponentKey } from '../matching/components';

export enum MunicipalityType {
  KREISFREIE_STADT = 'KREISFREIE_STADT',
  STADT = 'STADT',
  GEMEINDE = 'GEMEINDE',
  GEMEINDEFREIES_GEBIET = 'GEMEINDEFREIES_GEBIET',
}
export enum DistrictType {
  KREIS = 'KREIS',
  KREISFREIE_STADT = 'KREISFREIE_STADT',
  STAEDTEREGION = 'STAEDTEREGION',
  LANDKREIS = 'LANDKREIS',
  REGIONALVERBAND = 'REGIONALVERBAND',
}
export enum LegalForm {
  ZWECKVERBAND = 'ZWECKVERBAND',
  OEFFENTLICH_RECHTLICHE_VEREINBARUNG = 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  VERWALTUNGSVEREINBARUNG = 'VERWALTUNGSVEREINBARUNG',
  AOER = 'AOER',
  GMBH = 'GMBH',
  ARBEITSGEMEINSCHAFT = 'ARBEITSGEMEINSCHAFT',
  SHARED_SERVICE_CENTER = 'SHARED_SERVICE_CENTER',
  OTHER = 'OTHER',
}
export enum Provenance {
  OFFICIAL = 'OFFICIAL',
  RESEARCHED = 'RESEARCHED',
  GENERATED = 'GENERATED',
  USER = 'USER',
}
export enum MemberRole {
  MEMBER = 'MEMBER',
  LEAD = 'LEAD',
  DELEGATING = 'DELEGATING',
  PARTNER = 'PARTNER',
}
export enum MemberKind {
  MUNICIPALITY = 'MUNICIPALITY',
  DISTRICT = 'DISTRICT',
  COOPERATION = 'COOPERATION',
  EXTERNAL = 'EXTERNAL',
}
export enum SizeFit {
  COMPLEMENTARY = 'COMPLEMENTARY',
  SIMILAR = 'SIMILAR',
}
/** The GraphQL enum of score components, derived from the one table in matching/components.ts. */
export const ScoreComponentKey = Object.fromEntries(COMPONENT_KEYS.map((key) => [key, key])) as { [K in ComponentKey]: K };
export type ScoreComponentKey = ComponentKey;
export enum ScoreStrength {
  STRONG = 'STRONG',
  MEDIUM = 'MEDIUM',
  WEAK = 'WEAK',
}
export enum CooperationStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  PLANNED = 'PLANNED',
  UNCLEAR = 'UNCLEAR',
}
export enum Confidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
export enum MunicipalitySort {
  NAME = 'NAME',
  POPULATION = 'POPULATION',
  AREA = 'AREA',
  DENSITY = 'DENSITY',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(MunicipalityType, { name: 'MunicipalityType', description: 'kreisfreie Stadt, Stadt, Gemeinde or gemeindefreies Gebiet' });
registerEnumType(DistrictType, { name: 'DistrictType' });
registerEnumType(LegalForm, { name: 'LegalForm', description: 'Legal form of a cooperation (GkG NRW)' });
registerEnumType(Provenance, { name: 'Provenance', description: 'Where a record comes from; GENERATED records exist only in the synthetic benchmark dataset' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'LEAD performs the task for others, DELEGATING hands it over' });
registerEnumType(MemberKind, {
  name: 'MemberKind',
  description: 'EXTERNAL: a named partner outside NRW or outside municipal government, shown by name and never matched',
});
registerEnumType(SizeFit, { name: 'SizeFit', description: 'COMPLEMENTARY: host and smaller clients; SIMILAR: peers' });
registerEnumType(ScoreComponentKey, { name: 'ScoreComponentKey', description: 'A named part of a partner score (server/src/matching/components.ts)' });
registerEnumType(ScoreStrength, { name: 'ScoreStrength', description: 'stark / mittel / schwach: raw value ≥ 0.67, ≥ 0.34, below' });
registerEnumType(CooperationStatus, { name: 'CooperationStatus', description: 'aktiv, beendet, geplant or unklar in the register' });
registerEnumType(Confidence, {
  name: 'Confidence',
  description:
    'HIGH (sicher): the source names members and the cooperation as in place; MEDIUM (mittel): named, status or completeness unclear; LOW (unsicher): inferred, unconfirmed',
});
registerEnumType(MunicipalitySort, { name: 'MunicipalitySort' });
registerEnumType(SortDirection, { name: 'SortDirection' });

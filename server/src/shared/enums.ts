import { registerEnumType } from 'type-graphql';

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
}
export enum SizeFit {
  COMPLEMENTARY = 'COMPLEMENTARY',
  SIMILAR = 'SIMILAR',
}
export enum ScoreComponentKey {
  PROXIMITY = 'PROXIMITY',
  EXISTING_TIES = 'EXISTING_TIES',
  EXPERIENCE = 'EXPERIENCE',
  SIZE_FIT = 'SIZE_FIT',
  SAME_DISTRICT = 'SAME_DISTRICT',
  FUNDING = 'FUNDING',
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
registerEnumType(Provenance, { name: 'Provenance', description: 'Where a record comes from; GENERATED records are synthetic' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'LEAD performs the task for others, DELEGATING hands it over' });
registerEnumType(MemberKind, { name: 'MemberKind' });
registerEnumType(SizeFit, { name: 'SizeFit', description: 'COMPLEMENTARY: host and smaller clients; SIMILAR: peers' });
registerEnumType(ScoreComponentKey, { name: 'ScoreComponentKey' });
registerEnumType(MunicipalitySort, { name: 'MunicipalitySort' });
registerEnumType(SortDirection, { name: 'SortDirection' });

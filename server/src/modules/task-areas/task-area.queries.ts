export const TASK_AREA_FIELDS = `{
  id: t.id, nameDe: t.nameDe, nameEn: t.nameEn, examplesDe: t.examplesDe, productArea: t.productArea,
  productAreaName: t.productAreaName, proximity: t.proximity, efficientScale: t.efficientScale, sizeFit: t.sizeFit,
  typicalLegalForms: t.typicalLegalForms
}`;

export const ALL_TASK_AREAS = `MATCH (t:TaskArea) RETURN ${TASK_AREA_FIELDS} AS value ORDER BY t.nameDe`;

export const TASK_AREAS_BY_ID = `UNWIND $keys AS key MATCH (t:TaskArea {id: key}) RETURN key, ${TASK_AREA_FIELDS} AS value`;

import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { TaskAreaName_TaskAreaFragment } from '../../gql/graphql';

/** A task area's name in the reader's language. */
export function taskAreaName(area: TaskAreaName_TaskAreaFragment, language: string): string {
  return language === 'en' ? area.nameEn : area.nameDe;
}

/** Task areas as a comma-separated list of their names, in the reader's language. */
export function TaskAreaNames({ areas }: { areas: TaskAreaName_TaskAreaFragment[] }) {
  const { i18n } = useTranslation();
  return <>{areas.map((a) => taskAreaName(a, i18n.language)).join(', ')}</>;
}

TaskAreaNames.fragments = {
  taskArea: graphql(`
    fragment TaskAreaName_taskArea on TaskArea {
      id
      nameDe
      nameEn
    }
  `),
};

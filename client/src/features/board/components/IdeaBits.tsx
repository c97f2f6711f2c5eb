import { useTranslation } from 'react-i18next';
import type { BoardIdea_IdeaFragment, IdeaStage, IdeaStatus, IdeaVisibility, InterestStatus } from '../../../gql/graphql';
import { formatDate } from '../../../shared/account/dates';
import { isOffice, useSession } from '../../../shared/account/session';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';

export const VISIBILITIES: readonly IdeaVisibility[] = ['PUBLIC', 'SIGNED_IN', 'OFFICE_ONLY'];
export const IDEA_STATUSES: readonly IdeaStatus[] = ['OPEN', 'PARTNERSHIP_COMPLETE', 'WITHDRAWN'];
/** The brokering pipeline in its order (Idee → Gespräche → … ; eingestellt last). */
export const IDEA_STAGES: readonly IdeaStage[] = ['IDEA', 'TALKS', 'LETTER_OF_INTENT', 'AGREEMENT', 'IMPLEMENTED', 'FUNDED', 'DISCONTINUED'];

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge idea-status idea-status-${status.toLowerCase()}`} data-mark="idea-status">
      <span className="sr-only">{t('board.statusLabel')}: </span>
      {t(`board.status.${status}`)}
    </span>
  );
}

export function VisibilityBadge({ visibility }: { visibility: IdeaVisibility }) {
  const { t } = useTranslation();
  return (
    <span className="badge idea-visibility" title={t(`board.visibilityHelp.${visibility}`)}>
      <span className="sr-only">{t('board.visibilityLabel')}: </span>
      {t(`board.visibility.${visibility}`)}
    </span>
  );
}

export function InterestStatusBadge({ status }: { status: InterestStatus }) {
  const { t } = useTranslation();
  return <span className={`badge interest-status interest-status-${status.toLowerCase()}`}>{t(`board.interestStatus.${status}`)}</span>;
}

/** Who posted it: the municipality, or (anonymised) that it is not named yet. */
export function IdeaOwner({ idea }: { idea: Pick<BoardIdea_IdeaFragment, 'ownerRevealed' | 'municipality'> }) {
  const { t } = useTranslation();
  if (!idea.ownerRevealed || !idea.municipality) return <span className="muted">{t('board.hiddenOwner')}</span>;
  return <Link to={`/kommune/${idea.municipality.ags}`}>{idea.municipality.shortName}</Link>;
}

/** One idea in a list: its title (the link to its page), who, what, status and when. */
export function IdeaCard({ idea, headingLevel = 3, children }: { idea: BoardIdea_IdeaFragment; headingLevel?: 2 | 3; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card idea-card" data-testid="idea-card">
      <Heading className="idea-card-title">
        <Link to={`/boerse/${idea.id}`}>{idea.title}</Link>
      </Heading>
      <p className="idea-card-meta">
        <IdeaOwner idea={idea} />
        {idea.ownerRevealed && idea.municipality?.district && <span className="muted"> ({idea.municipality.district.name})</span>} ·{' '}
        {taskAreaName(idea.taskArea, i18n.language)} · {t('board.partnersSoughtValue', { count: idea.partnersSought })}
      </p>
      <p className="idea-card-marks">
        <IdeaStatusBadge status={idea.status} /> <span className="badge idea-stage">{t(`board.stage.${idea.stage}`)}</span>{' '}
        <VisibilityBadge visibility={idea.visibility} />{' '}
        <span className="muted small">{t('board.postedOn', { date: formatDate(idea.createdAt, i18n.language) })}</span>
      </p>
      <p className="idea-card-text">{idea.description.length > 240 ? `${idea.description.slice(0, 240)}…` : idea.description}</p>
      {children}
    </li>
  );
}

/** Every field of an idea as a definition list (the idea page). */
export function IdeaFacts({ idea }: { idea: BoardIdea_IdeaFragment }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const n = (v: number) => formatNumber(v, i18n.language);
  // The visibility's help speaks to the owner side („Ihre Kommune“); others (a proposed municipality, the office) read
  // what it means for them.
  const helpKey = idea.viewerIsOwner ? 'visibilityHelp' : isOffice(me) ? 'visibilityHelpOffice' : 'visibilityHelpViewer';
  // A proposed municipality whose interest was accepted sees the owner: the "stays unnamed" text no longer holds.
  const help =
    helpKey === 'visibilityHelpViewer' && idea.visibility === 'OFFICE_ONLY' && idea.ownerRevealed
      ? t('board.visibilityHelpPartner')
      : t(`board.${helpKey}.${idea.visibility}`);
  return (
    <dl className="facts idea-facts" data-testid="idea-facts">
      <dt>{t('board.municipality')}</dt>
      <dd>{idea.ownerRevealed ? <IdeaOwner idea={idea} /> : <span data-testid="anonymised">{t('board.anonymised')}</span>}</dd>
      <dt>{t('board.taskArea')}</dt>
      <dd>{taskAreaName(idea.taskArea, i18n.language)}</dd>
      <dt>{t('board.statusLabel')}</dt>
      <dd>
        <IdeaStatusBadge status={idea.status} />
      </dd>
      <dt>{t('board.stageLabel')}</dt>
      <dd data-testid="idea-stage">{t(`board.stage.${idea.stage}`)}</dd>
      <dt>{t('board.partnersSought')}</dt>
      <dd>{t('board.partnersSoughtValue', { count: idea.partnersSought })}</dd>
      <dt>{t('board.targetPopulation')}</dt>
      <dd>{idea.targetPopulation !== null && idea.targetPopulation !== undefined ? n(idea.targetPopulation) : '–'}</dd>
      <dt>{t('board.radius')}</dt>
      <dd>{idea.radiusKm !== null && idea.radiusKm !== undefined ? `${n(idea.radiusKm)} km` : t('board.radiusDefault')}</dd>
      <dt>{t('board.timeline')}</dt>
      <dd>{idea.timeline || '–'}</dd>
      <dt>{t('board.funding')}</dt>
      <dd>{idea.fundingPlanned ? t('board.fundingYes') : t('board.fundingNo')}</dd>
      <dt>{t('board.visibilityLabel')}</dt>
      <dd>
        {t(`board.visibility.${idea.visibility}`)} – <span className="muted">{help}</span>
      </dd>
    </dl>
  );
}

/** What the Kooperationsbörse is and who sees what, in plain words. */
export function BoardHelp() {
  const { t } = useTranslation();
  return (
    <details className="card board-help">
      <summary>{t('board.helpSummary')}</summary>
      <p>{t('board.helpHow')}</p>
      <p>{t('board.helpVisibility')}</p>
      <dl className="facts idea-facts">
        {VISIBILITIES.map((v) => (
          <div key={v} className="facts-row">
            <dt>{t(`board.visibility.${v}`)}</dt>
            <dd>{t(`board.visibilityHelp.${v}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('board.helpOffice')}</p>
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from '../i18n/links';
import { graphql } from '../../gql';
import type { MemberList_MemberFragment } from '../../gql/graphql';

/** In a table cell, the first members are listed and the rest behind a disclosure. */
const INLINE_LIMIT = 8;

/**
 * The members of a cooperation: municipalities and bodies in the register are linked; a named partner outside NRW or
 * outside municipal government is listed by name only, marked as external. A cooperation whose members the register
 * does not know says so instead of showing an empty list.
 */
export function MemberList({ members, memberCount, inline = false }: { members: MemberList_MemberFragment[]; memberCount: number; inline?: boolean }) {
  const { t } = useTranslation();
  if (memberCount === 0 || members.length === 0) {
    return (
      <p className={inline ? 'muted' : 'notice'} data-testid="members-unknown">
        {t('members.unknown')}
      </p>
    );
  }
  const items = members.map((m, index) => {
    const name =
      m.kind === 'MUNICIPALITY' && m.key ? (
        <Link to={`/kommune/${m.key}`}>{m.name}</Link>
      ) : m.kind === 'COOPERATION' && m.key ? (
        <Link to={`/kooperationen/${m.key}`}>{m.name}</Link>
      ) : (
        m.name
      );
    // "externer Partner" already says the role of an external partner.
    const role = inline || (m.kind === 'EXTERNAL' && m.role === 'PARTNER') ? null : t(`role.${m.role}`);
    const notes = [m.kind === 'EXTERNAL' ? t('members.external') : m.kind === 'DISTRICT' ? t('members.district') : null, role].filter(Boolean);
    return (
      <li key={`${m.kind}-${m.key ?? m.name}-${index}`} className={m.kind === 'EXTERNAL' ? 'member-external' : undefined}>
        {name}
        {notes.length > 0 && <span className="muted"> ({notes.join(', ')})</span>}
      </li>
    );
  });
  if (inline && items.length > INLINE_LIMIT) {
    return (
      <>
        <ul className="members-inline">{items.slice(0, INLINE_LIMIT)}</ul>
        <details className="members-more">
          <summary>{t('members.more', { count: items.length - INLINE_LIMIT })}</summary>
          <ul className="members-inline">{items.slice(INLINE_LIMIT)}</ul>
        </details>
      </>
    );
  }
  return <ul className={inline ? 'members-inline' : 'members'}>{items}</ul>;
}

MemberList.fragments = {
  member: graphql(`
    fragment MemberList_member on CooperationMember {
      kind
      key
      name
      role
    }
  `),
};

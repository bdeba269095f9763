import { readFields, type FieldSpec } from '../../read/model.js';
import { openCaseCount, openConcernCount, openReferralCount, type Subject } from './think-family.sql.js';

/**
 * Think Family counts on the compiled read path: a subquery each, on the person or household row
 * already read (and audited) there. The counts name no record of their own, so they add no audit row.
 */
const counts = (subject: Subject): Record<string, FieldSpec> => ({
  openConcernCount: {
    kind: 'value',
    sql: (t, sql) => openConcernCount(subject, `${t}.organisation_id`, `${t}.id`, sql.scope('userId')),
  },
  openReferralCount: {
    kind: 'value',
    sql: (t, sql) => openReferralCount(subject, `${t}.organisation_id`, `${t}.id`, sql.scope('userId')),
  },
  openCaseCount: {
    kind: 'value',
    sql: (t, sql) => openCaseCount(subject, `${t}.organisation_id`, `${t}.id`, sql.scope('userId')),
  },
});

readFields('Person', counts('person'));
readFields('Household', counts('household'));

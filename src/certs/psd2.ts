/**
 * The PSD2 QCStatement of ETSI TS 119 495 (id-etsi-psd2-qcStatement 0.4.0.19495.2): the roles
 * of the payment service provider and the national competent authority that authorised it.
 * Encoded into generated certificates, read back from a client's certificate by the bank.
 */
import { type Node, children, oid, oidString, read, sequence, utf8String } from './der.js';

export type Psd2Role = 'PSP_AS' | 'PSP_PI' | 'PSP_AI' | 'PSP_IC';

export const PSD2_ROLES: readonly Psd2Role[] = ['PSP_AS', 'PSP_PI', 'PSP_AI', 'PSP_IC'];

/** id-psd2-role-psp-as … -ic (0.4.0.19495.1.1 … .4). */
export const ROLE_OIDS: Readonly<Record<Psd2Role, string>> = {
  PSP_AS: '0.4.0.19495.1.1',
  PSP_PI: '0.4.0.19495.1.2',
  PSP_AI: '0.4.0.19495.1.3',
  PSP_IC: '0.4.0.19495.1.4',
};

export const OID = {
  qcStatements: '1.3.6.1.5.5.7.1.3',
  psd2QcStatement: '0.4.0.19495.2',
  qcCompliance: '0.4.0.1862.1.1',
  qcType: '0.4.0.1862.1.6',
  qctEseal: '0.4.0.1862.1.6.2',
  qctWeb: '0.4.0.1862.1.6.3',
} as const;

export interface Psd2Statement {
  roles: Psd2Role[];
  ncaName: string;
  ncaId: string;
}

/** The qcStatements extension value: QcCompliance, QcType (web for a QWAC, eseal for a QSealC), and the PSD2 statement. */
export function qcStatements(statement: Psd2Statement, kind: 'qwac' | 'qsealc'): Buffer {
  const roles = sequence(...statement.roles.map((r) => sequence(oid(ROLE_OIDS[r]), utf8String(r))));
  return sequence(
    sequence(oid(OID.qcCompliance)),
    sequence(oid(OID.qcType), sequence(oid(kind === 'qwac' ? OID.qctWeb : OID.qctEseal))),
    sequence(oid(OID.psd2QcStatement), sequence(roles, utf8String(statement.ncaName), utf8String(statement.ncaId))),
  );
}

const ROLE_BY_OID = new Map(Object.entries(ROLE_OIDS).map(([r, o]) => [o, r as Psd2Role]));

function extensionsOf(certDer: Buffer): Node[] {
  const tbs = children(read(certDer))[0]!;
  const explicit3 = children(tbs).find((n) => n.tag === 0xa3);
  return explicit3 ? children(children(explicit3)[0]!) : [];
}

/** The PSD2 statement of a DER certificate; undefined when it carries none (or is not readable). */
export function psd2StatementOf(certDer: Buffer): Psd2Statement | undefined {
  try {
    for (const ext of extensionsOf(certDer)) {
      const parts = children(ext);
      if (oidString(parts[0]!) !== OID.qcStatements) continue;
      const value = read(parts[parts.length - 1]!.content);
      for (const statement of children(value)) {
        const [id, info] = children(statement);
        if (!id || oidString(id) !== OID.psd2QcStatement || !info) continue;
        const [rolesNode, nameNode, idNode] = children(info);
        const roles = children(rolesNode!).map((r) => ROLE_BY_OID.get(oidString(children(r)[0]!))).filter((r): r is Psd2Role => r !== undefined);
        return { roles, ncaName: nameNode?.content.toString('utf8') ?? '', ncaId: idNode?.content.toString('utf8') ?? '' };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

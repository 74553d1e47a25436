/** pain.001 documents for sandbox tests, built from parts so that each test changes one thing. */
export const PAIN001_03 = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
export const PAIN001_09 = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface PainTx {
  e2e?: string;
  amount?: string;
  currency?: string;
  creditorIban?: string;
  creditorOther?: string;
  creditorName?: string;
  bic?: string;
  address?: string;
}

export interface PainDoc {
  namespace?: string;
  debtorIban: string;
  date: string;
  txs?: PainTx[];
  nbOfTxs?: string;
  ctrlSum?: string;
  serviceLevel?: string;
  localInstrument?: string;
  root?: string;
}

function tx(t: PainTx, namespace: string): string {
  const agent = t.bic ? `<CdtrAgt><FinInstnId><${namespace === PAIN001_09 ? 'BICFI' : 'BIC'}>${t.bic}</${namespace === PAIN001_09 ? 'BICFI' : 'BIC'}></FinInstnId></CdtrAgt>` : '';
  const account = t.creditorOther ? `<Othr><Id>${t.creditorOther}</Id></Othr>` : `<IBAN>${t.creditorIban ?? 'DE89370400440532013000'}</IBAN>`;
  return `<CdtTrfTxInf><PmtId><EndToEndId>${t.e2e ?? 'E2E-1'}</EndToEndId></PmtId><Amt><InstdAmt Ccy="${t.currency ?? 'EUR'}">${t.amount ?? '10.00'}</InstdAmt></Amt>${agent}<Cdtr><Nm>${t.creditorName ?? 'Muster Software GmbH'}</Nm>${t.address ?? ''}</Cdtr><CdtrAcct><Id>${account}</Id></CdtrAcct><RmtInf><Ustrd>Test</Ustrd></RmtInf></CdtTrfTxInf>`;
}

export function pain001(d: PainDoc): string {
  const namespace = d.namespace ?? PAIN001_03;
  const txs = d.txs ?? [{}];
  const date = namespace === PAIN001_09 ? `<ReqdExctnDt><Dt>${d.date}</Dt></ReqdExctnDt>` : `<ReqdExctnDt>${d.date}</ReqdExctnDt>`;
  const tp = d.serviceLevel || d.localInstrument ? `<PmtTpInf>${d.serviceLevel ? `<SvcLvl><Cd>${d.serviceLevel}</Cd></SvcLvl>` : ''}${d.localInstrument ? `<LclInstrm><Cd>${d.localInstrument}</Cd></LclInstrm>` : ''}</PmtTpInf>` : '';
  const ctrl = d.ctrlSum ? `<CtrlSum>${d.ctrlSum}</CtrlSum>` : '';
  const root = d.root ?? 'Document';
  return `<?xml version="1.0" encoding="UTF-8"?><${root}${namespace ? ` xmlns="${namespace}"` : ''}><CstmrCdtTrfInitn><GrpHdr><MsgId>M-1</MsgId><CreDtTm>${d.date}T10:00:00</CreDtTm><NbOfTxs>${d.nbOfTxs ?? txs.length}</NbOfTxs>${ctrl}<InitgPty><Nm>Alice</Nm></InitgPty></GrpHdr><PmtInf><PmtInfId>P-1</PmtInfId><PmtMtd>TRF</PmtMtd>${tp}${date}<Dbtr><Nm>Alice Schmidt</Nm></Dbtr><DbtrAcct><Id><IBAN>${d.debtorIban}</IBAN></Id></DbtrAcct>${txs.map((t) => tx(t, namespace)).join('')}</PmtInf></CstmrCdtTrfInitn></${root}>`;
}

// /v1/certificates: public lookup, QR and printable document, verification; staff record, extend, revoke.
// Who may call each route is the access table's (application/access-rules.ts).
import { accessGuard, parse } from '@hangviet/service-kit';
import { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { extendCertificate } from '../../application/extend-certificate';
import { findCertificate } from '../../application/find-certificate';
import { listCertificates } from '../../application/list-certificates';
import type { ProductCertificationDeps } from '../../application/ports';
import { recordCertificate } from '../../application/record-certificate';
import { revokeCertificate } from '../../application/revoke-certificate';
import { verificationUrl, verifyCertificate } from '../../application/verify-certificate';
import { qrSvg, renderCertificatePdf } from '../../infrastructure/certificate-document';
import { extendBody, listCertificatesQuery, numberParams, reasonBody, recordCertificateBody, verifyBody } from './schemas';
import { certificateView } from './views';

export function certificatesRouter(deps: ProductCertificationDeps): Router {
  const router = Router();
  const numberOf = (params: unknown) => parse(numberParams, params, 'params').number;

  router.get('/v1/certificates', accessGuard(ACCESS.listCertificates), async (req, res) => {
    const query = parse(listCertificatesQuery, req.query, 'query');
    const page = await listCertificates(deps, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map((c) => certificateView(c, req.principal)), nextPageToken: page.nextPageToken });
  });

  router.post('/v1/certificates', accessGuard(ACCESS.recordCertificate), async (req, res) => {
    const certificate = await recordCertificate(deps, { principal: req.principal, ...parse(recordCertificateBody, req.body) });
    res.location(`/v1/certificates/${certificate.number}`).status(201).json(certificateView(certificate, req.principal));
  });

  router.post('/v1/certificates\\:verify', accessGuard(ACCESS.verifyCertificate), async (req, res) => {
    const result = await verifyCertificate(deps, parse(verifyBody, req.body));
    res.json(result.genuine ? { genuine: true, status: result.certificate.state.status, certificate: certificateView(result.certificate, req.principal) } : { genuine: false, reason: result.reason });
  });

  router.get('/v1/certificates/:number', accessGuard(ACCESS.getCertificate), async (req, res) => {
    res.json(certificateView(await findCertificate(deps, { number: numberOf(req.params) }), req.principal));
  });

  router.get('/v1/certificates/:number/qr.svg', accessGuard(ACCESS.getCertificateQr), async (req, res) => {
    const certificate = await findCertificate(deps, { number: numberOf(req.params) });
    res.type('image/svg+xml').send(await qrSvg(await verificationUrl(deps, certificate)));
  });

  router.get('/v1/certificates/:number/document.pdf', accessGuard(ACCESS.getCertificateDocument), async (req, res) => {
    const certificate = await findCertificate(deps, { number: numberOf(req.params) });
    const pdf = await renderCertificatePdf(certificate.state, await verificationUrl(deps, certificate));
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${certificate.number}.pdf"`);
    res.send(pdf);
  });

  router.post('/v1/certificates/:number\\:revoke', accessGuard(ACCESS.revokeCertificate), async (req, res) => {
    res.json(certificateView(await revokeCertificate(deps, { principal: req.principal, number: numberOf(req.params), ...parse(reasonBody, req.body) }), req.principal));
  });

  router.post('/v1/certificates/:number\\:extend', accessGuard(ACCESS.extendCertificate), async (req, res) => {
    res.json(certificateView(await extendCertificate(deps, { principal: req.principal, number: numberOf(req.params), ...parse(extendBody, req.body) }), req.principal));
  });

  router.get('/.well-known/jwks.json', accessGuard(ACCESS.getJwks), async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await deps.qr.jwks());
  });

  return router;
}

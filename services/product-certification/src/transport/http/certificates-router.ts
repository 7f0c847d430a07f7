// /v1/certificates: public lookup, QR and printable document, verification; staff record, extend, revoke.
import { parse, roleGuard } from '@hangviet/service-kit';
import { Router } from 'express';
import { extendCertificate, findCertificate, listCertificates, recordCertificate, revokeCertificate, verificationUrl, verifyToken } from '../../application/certificates';
import type { ProductCertificationDeps } from '../../application/ports';
import { qrSvg, renderCertificatePdf } from '../../infrastructure/certificate-document';
import { extendBody, listCertificatesQuery, numberParams, reasonBody, recordCertificateBody, verifyBody } from './schemas';
import { certificateView } from './views';

const staff = roleGuard('admin', 'staff');

export function certificatesRouter(deps: ProductCertificationDeps): Router {
  const router = Router();
  const numberOf = (params: unknown) => parse(numberParams, params, 'params').number;

  router.get('/v1/certificates', async (req, res) => {
    const query = parse(listCertificatesQuery, req.query, 'query');
    const page = await listCertificates(deps, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map((c) => certificateView(c, req.principal)), nextPageToken: page.nextPageToken });
  });

  router.post('/v1/certificates', staff, async (req, res) => {
    const certificate = await recordCertificate(deps, req.principal, parse(recordCertificateBody, req.body));
    res.location(`/v1/certificates/${certificate.number}`).status(201).json(certificateView(certificate, req.principal));
  });

  router.post('/v1/certificates\\:verify', async (req, res) => {
    const { token } = parse(verifyBody, req.body);
    const result = await verifyToken(deps, token);
    res.json(result.genuine ? { genuine: true, status: result.certificate.state.status, certificate: certificateView(result.certificate, req.principal) } : { genuine: false, reason: result.reason });
  });

  router.get('/v1/certificates/:number', async (req, res) => {
    res.json(certificateView(await findCertificate(deps, numberOf(req.params)), req.principal));
  });

  router.get('/v1/certificates/:number/qr.svg', async (req, res) => {
    const certificate = await findCertificate(deps, numberOf(req.params));
    res.type('image/svg+xml').send(await qrSvg(await verificationUrl(deps, certificate)));
  });

  router.get('/v1/certificates/:number/document.pdf', async (req, res) => {
    const certificate = await findCertificate(deps, numberOf(req.params));
    const pdf = await renderCertificatePdf(certificate.state, await verificationUrl(deps, certificate));
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${certificate.number}.pdf"`);
    res.send(pdf);
  });

  router.post('/v1/certificates/:number\\:revoke', staff, async (req, res) => {
    res.json(certificateView(await revokeCertificate(deps, req.principal, { number: numberOf(req.params), ...parse(reasonBody, req.body) }), req.principal));
  });

  router.post('/v1/certificates/:number\\:extend', staff, async (req, res) => {
    res.json(certificateView(await extendCertificate(deps, req.principal, { number: numberOf(req.params), ...parse(extendBody, req.body) }), req.principal));
  });

  router.get('/.well-known/jwks.json', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await deps.qr.jwks());
  });

  return router;
}

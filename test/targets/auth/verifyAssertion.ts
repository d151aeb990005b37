import { X509Certificate, constants, createHash, verify } from 'node:crypto';

/** A client assertion JWT taken apart, with what the test server found when checking it. */
export interface CheckedAssertion {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signatureValid: boolean;
  /** The header's x5t#S256 (or x5t) names the certificate the server knows. */
  thumbprintMatches: boolean;
}

/**
 * Checks a client assertion's RS256/PS256 signature with the certificate's public key and its thumbprint header, as
 * Entra ID does.
 */
export function verifyAssertion(jwt: string, certificatePem: string): CheckedAssertion {
  const [head = '', body = '', signature = ''] = jwt.split('.');
  const decode = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const header = decode(head);
  const payload = decode(body);
  const certificate = new X509Certificate(certificatePem);
  const padding = header.alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
  const signatureValid =
    (header.alg === 'PS256' || header.alg === 'RS256') &&
    verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key: certificate.publicKey, padding, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
      Buffer.from(signature, 'base64url'),
    );
  const thumbprint = (algorithm: string) => createHash(algorithm).update(certificate.raw).digest('base64url');
  const thumbprintMatches =
    header['x5t#S256'] !== undefined ? header['x5t#S256'] === thumbprint('sha256') : header.x5t === thumbprint('sha1');
  return { header, payload, signatureValid, thumbprintMatches };
}

/* ss-dissect-x509.c: X.509 certificates (RFC 5280 §4.1; extensions §4.2; names in X.520), as
 * Wireshark's x509af, x509ce, x509sat and x509if protocols name their fields.
 *
 * Certificates are reached from the TLS Certificate message, never from a port. The DER is
 * walked with the bounds-checked reader of ss-der.h: an element whose length runs past the one
 * that holds it, or an encoding DER does not allow, ends the walk with a "BER Error" expert item
 * at the place it was found, as tshark reports it.
 *
 * Beyond Wireshark: a certificate that was already expired, or not yet valid, at the time the
 * packet was captured gets an expert warning that names its subject and dates.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-der.h"
#include "ss-dissectors.h"
#include "ss-tls.h"
#include "ss-x509.h"

/* x509af: the certificate and its validity. */
enum
{
  AF_F_SIGNED_CERTIFICATE,
  AF_F_VERSION,
  AF_F_SERIAL_NUMBER,
  AF_F_SIGNATURE,
  AF_F_ALGORITHM_ID,
  AF_F_ISSUER,
  AF_F_RDN_SEQUENCE,
  AF_F_VALIDITY,
  AF_F_NOT_BEFORE,
  AF_F_NOT_AFTER,
  AF_F_UTC_TIME,
  AF_F_GENERALIZED_TIME,
  AF_F_SUBJECT,
  AF_F_SUBJECT_PUBLIC_KEY_INFO,
  AF_F_ALGORITHM,
  AF_F_SUBJECT_PUBLIC_KEY,
  AF_F_ISSUER_UNIQUE_IDENTIFIER,
  AF_F_SUBJECT_UNIQUE_IDENTIFIER,
  AF_F_EXTENSIONS,
  AF_F_EXTENSION,
  AF_F_EXTENSION_ID,
  AF_F_CRITICAL,
  AF_F_EXTN_VALUE,
  AF_F_ALGORITHM_IDENTIFIER,
  AF_F_ENCRYPTED,
  AF_F_COUNT
};

static const SsValueString version_vals[] = {
  { 0, "v1" }, { 1, "v2" }, { 2, "v3" }, { 0, NULL }
};

static const SsValueString name_vals[] = {
  { 0, "rdnSequence" }, { 0, NULL }
};

static const SsValueString time_vals[] = {
  { 0, "utcTime" }, { 1, "generalizedTime" }, { 0, NULL }
};

static const SsFieldDef af_fields[] = {
  [AF_F_SIGNED_CERTIFICATE] = { "x509af.signedCertificate_element", N_("signedCertificate"),
                                SS_FT_NONE },
  [AF_F_VERSION] = { "x509af.version", N_("version"), SS_FT_INT32, SS_BASE_DEC, version_vals },
  [AF_F_SERIAL_NUMBER] = { "x509af.serialNumber", N_("serialNumber"), SS_FT_BYTES },
  [AF_F_SIGNATURE] = { "x509af.signature_element", N_("signature"), SS_FT_NONE },
  /* FT_OID in Wireshark; the dotted text is what -T fields prints for both. */
  [AF_F_ALGORITHM_ID] = { "x509af.algorithm.id", N_("Algorithm Id"), SS_FT_STRING },
  [AF_F_ISSUER] = { "x509af.issuer", N_("issuer"), SS_FT_UINT32, SS_BASE_DEC, name_vals },
  [AF_F_RDN_SEQUENCE] = { "x509af.rdnSequence", N_("rdnSequence"), SS_FT_UINT32, SS_BASE_DEC },
  [AF_F_VALIDITY] = { "x509af.validity_element", N_("validity"), SS_FT_NONE },
  [AF_F_NOT_BEFORE] = { "x509af.notBefore", N_("notBefore"), SS_FT_UINT32, SS_BASE_DEC,
                        time_vals },
  [AF_F_NOT_AFTER] = { "x509af.notAfter", N_("notAfter"), SS_FT_UINT32, SS_BASE_DEC,
                       time_vals },
  [AF_F_UTC_TIME] = { "x509af.utcTime", N_("utcTime"), SS_FT_STRING },
  [AF_F_GENERALIZED_TIME] = { "x509af.generalizedTime", N_("generalizedTime"),
                              SS_FT_ABSOLUTE_TIME, SS_BASE_TIME_LOCAL },
  [AF_F_SUBJECT] = { "x509af.subject", N_("subject"), SS_FT_UINT32, SS_BASE_DEC, name_vals },
  [AF_F_SUBJECT_PUBLIC_KEY_INFO] = { "x509af.subjectPublicKeyInfo_element",
                                     N_("subjectPublicKeyInfo"), SS_FT_NONE },
  [AF_F_ALGORITHM] = { "x509af.algorithm_element", N_("algorithm"), SS_FT_NONE },
  [AF_F_SUBJECT_PUBLIC_KEY] = { "x509af.subjectPublicKey", N_("subjectPublicKey"), SS_FT_BYTES },
  [AF_F_ISSUER_UNIQUE_IDENTIFIER] = { "x509af.issuerUniqueIdentifier",
                                      N_("issuerUniqueIdentifier"), SS_FT_BYTES },
  [AF_F_SUBJECT_UNIQUE_IDENTIFIER] = { "x509af.subjectUniqueIdentifier",
                                       N_("subjectUniqueIdentifier"), SS_FT_BYTES },
  [AF_F_EXTENSIONS] = { "x509af.extensions", N_("extensions"), SS_FT_UINT32, SS_BASE_DEC },
  [AF_F_EXTENSION] = { "x509af.Extension_element", N_("Extension"), SS_FT_NONE },
  [AF_F_EXTENSION_ID] = { "x509af.extension.id", N_("Extension Id"), SS_FT_STRING },
  [AF_F_CRITICAL] = { "x509af.critical", N_("critical"), SS_FT_BOOLEAN },
  [AF_F_EXTN_VALUE] = { "x509af.extnValue", N_("extnValue"), SS_FT_BYTES },
  [AF_F_ALGORITHM_IDENTIFIER] = { "x509af.algorithmIdentifier_element",
                                  N_("algorithmIdentifier"), SS_FT_NONE },
  [AF_F_ENCRYPTED] = { "x509af.encrypted", N_("encrypted"), SS_FT_BYTES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (af_fields) == AF_F_COUNT);

enum
{
  AF_E_BER_ERROR,
  AF_E_EXPIRED,
  AF_E_NOT_YET_VALID,
  AF_E_COUNT
};

static const SsExpertDef af_experts[] = {
  [AF_E_BER_ERROR] = { "x509af.ber_error", SS_EXPERT_GROUP_MALFORMED, SS_EXPERT_WARN,
                       N_("BER Error") },
  /* Beyond Wireshark: the validity period against the packet's capture time. */
  [AF_E_EXPIRED] = { "x509af.validity.expired", SS_EXPERT_GROUP_SECURITY, SS_EXPERT_WARN,
                     N_("The certificate had expired when the packet was captured") },
  [AF_E_NOT_YET_VALID] = { "x509af.validity.not_yet_valid", SS_EXPERT_GROUP_SECURITY,
                           SS_EXPERT_WARN,
                           N_("The certificate was not yet valid when the packet was captured") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (af_experts) == AF_E_COUNT);

/* x509ce: certificate extensions (RFC 5280 §4.2). */
enum
{
  CE_F_SUBJECT_KEY_IDENTIFIER,
  CE_F_KEY_USAGE,
  CE_F_KU_DIGITAL_SIGNATURE,
  CE_F_KU_CONTENT_COMMITMENT,
  CE_F_KU_KEY_ENCIPHERMENT,
  CE_F_KU_DATA_ENCIPHERMENT,
  CE_F_KU_KEY_AGREEMENT,
  CE_F_KU_KEY_CERT_SIGN,
  CE_F_KU_CRL_SIGN,
  CE_F_KU_ENCIPHER_ONLY,
  CE_F_KU_DECIPHER_ONLY,
  CE_F_GENERAL_NAMES,
  CE_F_GENERAL_NAME,
  CE_F_OTHER_NAME,
  CE_F_OTHER_NAME_FORM,
  CE_F_RFC822_NAME,
  CE_F_DNS_NAME,
  CE_F_DIRECTORY_NAME,
  CE_F_URI,
  CE_F_IP_ADDRESS,
  CE_F_REGISTERED_ID,
  CE_F_BASIC_CONSTRAINTS,
  CE_F_CA,
  CE_F_PATH_LEN_CONSTRAINT,
  CE_F_AUTHORITY_KEY_IDENTIFIER,
  CE_F_KEY_IDENTIFIER,
  CE_F_AUTHORITY_CERT_ISSUER,
  CE_F_AUTHORITY_CERT_SERIAL_NUMBER,
  CE_F_KEY_PURPOSE_IDS,
  CE_F_KEY_PURPOSE_ID,
  CE_F_CRL_DIST_POINTS,
  CE_F_DISTRIBUTION_POINT_ELEMENT,
  CE_F_DISTRIBUTION_POINT,
  CE_F_FULL_NAME,
  CE_F_CERTIFICATE_POLICIES,
  CE_F_POLICY_INFORMATION,
  CE_F_POLICY_IDENTIFIER,
  CE_F_POLICY_QUALIFIERS,
  CE_F_POLICY_QUALIFIER_INFO,
  CE_F_POLICY_QUALIFIER_ID,
  CE_F_COUNT
};

static const SsValueString general_name_vals[] = {
  { 0, "otherName" }, { 1, "rfc822Name" }, { 2, "dNSName" }, { 3, "x400Address" },
  { 4, "directoryName" }, { 5, "ediPartyName" }, { 6, "uniformResourceIdentifier" },
  { 7, "iPAddress" }, { 8, "registeredID" }, { 0, NULL }
};

static const SsValueString distribution_point_vals[] = {
  { 0, "fullName" }, { 1, "nameRelativeToCRLIssuer" }, { 0, NULL }
};

static const SsFieldDef ce_fields[] = {
  [CE_F_SUBJECT_KEY_IDENTIFIER] = { "x509ce.SubjectKeyIdentifier", N_("SubjectKeyIdentifier"),
                                    SS_FT_BYTES },
  [CE_F_KEY_USAGE] = { "x509ce.KeyUsage", N_("KeyUsage"), SS_FT_BYTES },
  [CE_F_KU_DIGITAL_SIGNATURE] = { "x509ce.KeyUsage.digitalSignature", N_("digitalSignature"),
                                  SS_FT_BOOLEAN, 8, NULL, 0x80 },
  [CE_F_KU_CONTENT_COMMITMENT] = { "x509ce.KeyUsage.contentCommitment", N_("contentCommitment"),
                                   SS_FT_BOOLEAN, 8, NULL, 0x40 },
  [CE_F_KU_KEY_ENCIPHERMENT] = { "x509ce.KeyUsage.keyEncipherment", N_("keyEncipherment"),
                                 SS_FT_BOOLEAN, 8, NULL, 0x20 },
  [CE_F_KU_DATA_ENCIPHERMENT] = { "x509ce.KeyUsage.dataEncipherment", N_("dataEncipherment"),
                                  SS_FT_BOOLEAN, 8, NULL, 0x10 },
  [CE_F_KU_KEY_AGREEMENT] = { "x509ce.KeyUsage.keyAgreement", N_("keyAgreement"), SS_FT_BOOLEAN,
                              8, NULL, 0x08 },
  [CE_F_KU_KEY_CERT_SIGN] = { "x509ce.KeyUsage.keyCertSign", N_("keyCertSign"), SS_FT_BOOLEAN, 8,
                              NULL, 0x04 },
  [CE_F_KU_CRL_SIGN] = { "x509ce.KeyUsage.cRLSign", N_("cRLSign"), SS_FT_BOOLEAN, 8, NULL,
                         0x02 },
  [CE_F_KU_ENCIPHER_ONLY] = { "x509ce.KeyUsage.encipherOnly", N_("encipherOnly"), SS_FT_BOOLEAN,
                              8, NULL, 0x01 },
  [CE_F_KU_DECIPHER_ONLY] = { "x509ce.KeyUsage.decipherOnly", N_("decipherOnly"), SS_FT_BOOLEAN,
                              8, NULL, 0x80 },
  [CE_F_GENERAL_NAMES] = { "x509ce.GeneralNames", N_("GeneralNames"), SS_FT_UINT32,
                           SS_BASE_DEC },
  [CE_F_GENERAL_NAME] = { "x509ce.GeneralName", N_("GeneralName"), SS_FT_UINT32, SS_BASE_DEC,
                          general_name_vals },
  [CE_F_OTHER_NAME] = { "x509ce.otherName_element", N_("otherName"), SS_FT_NONE },
  [CE_F_OTHER_NAME_FORM] = { "x509ce.otherNameForm", N_("otherNameForm"), SS_FT_STRING },
  [CE_F_RFC822_NAME] = { "x509ce.rfc822Name", N_("rfc822Name"), SS_FT_STRING },
  [CE_F_DNS_NAME] = { "x509ce.dNSName", N_("dNSName"), SS_FT_STRING },
  [CE_F_DIRECTORY_NAME] = { "x509ce.directoryName", N_("directoryName"), SS_FT_UINT32,
                            SS_BASE_DEC, name_vals },
  [CE_F_URI] = { "x509ce.uniformResourceIdentifier", N_("uniformResourceIdentifier"),
                 SS_FT_STRING },
  [CE_F_IP_ADDRESS] = { "x509ce.iPAddress", N_("iPAddress"), SS_FT_BYTES },
  [CE_F_REGISTERED_ID] = { "x509ce.registeredID", N_("registeredID"), SS_FT_STRING },
  [CE_F_BASIC_CONSTRAINTS] = { "x509ce.BasicConstraintsSyntax_element",
                               N_("BasicConstraintsSyntax"), SS_FT_NONE },
  [CE_F_CA] = { "x509ce.cA", N_("cA"), SS_FT_BOOLEAN },
  [CE_F_PATH_LEN_CONSTRAINT] = { "x509ce.pathLenConstraint", N_("pathLenConstraint"),
                                 SS_FT_UINT64, SS_BASE_DEC },
  [CE_F_AUTHORITY_KEY_IDENTIFIER] = { "x509ce.AuthorityKeyIdentifier_element",
                                      N_("AuthorityKeyIdentifier"), SS_FT_NONE },
  [CE_F_KEY_IDENTIFIER] = { "x509ce.keyIdentifier", N_("keyIdentifier"), SS_FT_BYTES },
  [CE_F_AUTHORITY_CERT_ISSUER] = { "x509ce.authorityCertIssuer", N_("authorityCertIssuer"),
                                   SS_FT_UINT32, SS_BASE_DEC },
  [CE_F_AUTHORITY_CERT_SERIAL_NUMBER] = { "x509ce.authorityCertSerialNumber",
                                          N_("authorityCertSerialNumber"), SS_FT_BYTES },
  [CE_F_KEY_PURPOSE_IDS] = { "x509ce.KeyPurposeIDs", N_("KeyPurposeIDs"), SS_FT_UINT32,
                             SS_BASE_DEC },
  [CE_F_KEY_PURPOSE_ID] = { "x509ce.KeyPurposeId", N_("KeyPurposeId"), SS_FT_STRING },
  [CE_F_CRL_DIST_POINTS] = { "x509ce.CRLDistPointsSyntax", N_("CRLDistPointsSyntax"),
                             SS_FT_UINT32, SS_BASE_DEC },
  [CE_F_DISTRIBUTION_POINT_ELEMENT] = { "x509ce.DistributionPoint_element",
                                        N_("DistributionPoint"), SS_FT_NONE },
  [CE_F_DISTRIBUTION_POINT] = { "x509ce.distributionPoint", N_("distributionPoint"),
                                SS_FT_UINT32, SS_BASE_DEC, distribution_point_vals },
  [CE_F_FULL_NAME] = { "x509ce.fullName", N_("fullName"), SS_FT_UINT32, SS_BASE_DEC },
  [CE_F_CERTIFICATE_POLICIES] = { "x509ce.CertificatePoliciesSyntax",
                                  N_("CertificatePoliciesSyntax"), SS_FT_UINT32, SS_BASE_DEC },
  [CE_F_POLICY_INFORMATION] = { "x509ce.PolicyInformation_element", N_("PolicyInformation"),
                                SS_FT_NONE },
  [CE_F_POLICY_IDENTIFIER] = { "x509ce.policyIdentifier", N_("policyIdentifier"),
                               SS_FT_STRING },
  [CE_F_POLICY_QUALIFIERS] = { "x509ce.policyQualifiers", N_("policyQualifiers"), SS_FT_UINT32,
                               SS_BASE_DEC },
  [CE_F_POLICY_QUALIFIER_INFO] = { "x509ce.PolicyQualifierInfo_element",
                                   N_("PolicyQualifierInfo"), SS_FT_NONE },
  [CE_F_POLICY_QUALIFIER_ID] = { "x509ce.policyQualifierId", N_("Id"), SS_FT_STRING },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ce_fields) == CE_F_COUNT);

/* x509sat: the values of name attributes (X.520). */
enum
{
  SAT_F_DIRECTORY_STRING,
  SAT_F_TELETEX_STRING,
  SAT_F_PRINTABLE_STRING_CHOICE,
  SAT_F_UNIVERSAL_STRING,
  SAT_F_BMP_STRING,
  SAT_F_UTF8_STRING,
  SAT_F_COUNTRY_NAME,
  SAT_F_PRINTABLE_STRING,
  SAT_F_IA5_STRING,
  SAT_F_COUNT
};

static const SsValueString directory_string_vals[] = {
  { 0, "teletexString" }, { 1, "printableString" }, { 2, "universalString" },
  { 3, "bmpString" }, { 4, "uTF8String" }, { 0, NULL }
};

static const SsFieldDef sat_fields[] = {
  [SAT_F_DIRECTORY_STRING] = { "x509sat.DirectoryString", N_("DirectoryString"), SS_FT_UINT32,
                               SS_BASE_DEC, directory_string_vals },
  [SAT_F_TELETEX_STRING] = { "x509sat.teletexString", N_("teletexString"), SS_FT_STRING },
  [SAT_F_PRINTABLE_STRING_CHOICE] = { "x509sat.printableString", N_("printableString"),
                                      SS_FT_STRING },
  [SAT_F_UNIVERSAL_STRING] = { "x509sat.universalString", N_("universalString"), SS_FT_STRING },
  [SAT_F_BMP_STRING] = { "x509sat.bmpString", N_("bmpString"), SS_FT_STRING },
  [SAT_F_UTF8_STRING] = { "x509sat.uTF8String", N_("uTF8String"), SS_FT_STRING },
  [SAT_F_COUNTRY_NAME] = { "x509sat.CountryName", N_("CountryName"), SS_FT_STRING },
  [SAT_F_PRINTABLE_STRING] = { "x509sat.PrintableString", N_("PrintableString"), SS_FT_STRING },
  [SAT_F_IA5_STRING] = { "x509sat.IA5String", N_("IA5String"), SS_FT_STRING },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sat_fields) == SAT_F_COUNT);

/* x509if: distinguished names (X.501). */
enum
{
  IF_F_RDN_SEQUENCE,
  IF_F_RDN_SEQUENCE_ITEM,
  IF_F_RDN_ITEM,
  IF_F_OID,
  IF_F_COUNT
};

static const SsFieldDef if_fields[] = {
  [IF_F_RDN_SEQUENCE] = { "x509if.rdnSequence", N_("rdnSequence"), SS_FT_UINT32, SS_BASE_DEC },
  [IF_F_RDN_SEQUENCE_ITEM] = { "x509if.RDNSequence_item", N_("RDNSequence item"), SS_FT_UINT32,
                               SS_BASE_DEC },
  [IF_F_RDN_ITEM] = { "x509if.RelativeDistinguishedName_item_element",
                      N_("RelativeDistinguishedName item"), SS_FT_NONE },
  [IF_F_OID] = { "x509if.oid", N_("Object Id"), SS_FT_STRING },
};
G_STATIC_ASSERT (G_N_ELEMENTS (if_fields) == IF_F_COUNT);

/* Names Wireshark gives these object identifiers (its OID registry and the X.509 modules). */
static const struct
{
  const char *oid;
  const char *name;
} oid_names[] = {
  { "1.2.840.113549.1.1.1", "rsaEncryption" },
  { "1.2.840.113549.1.1.2", "md2WithRSAEncryption" },
  { "1.2.840.113549.1.1.4", "md5WithRSAEncryption" },
  { "1.2.840.113549.1.1.5", "sha1WithRSAEncryption" },
  { "1.2.840.113549.1.1.10", "id-RSASSA-PSS" },
  { "1.2.840.113549.1.1.11", "sha256WithRSAEncryption" },
  { "1.2.840.113549.1.1.12", "sha384WithRSAEncryption" },
  { "1.2.840.113549.1.1.13", "sha512WithRSAEncryption" },
  { "1.2.840.113549.1.1.14", "sha224WithRSAEncryption" },
  { "1.2.840.113549.1.1.8", "id-mgf1" },
  { "2.16.840.1.101.3.4.2.1", "sha256" },
  { "2.16.840.1.101.3.4.2.2", "sha384" },
  { "2.16.840.1.101.3.4.2.3", "sha512" },
  { "1.2.840.113549.1.9.1", "pkcs-9-at-emailAddress" },
  { "1.2.840.10040.4.1", "id-dsa" },
  { "1.2.840.10040.4.3", "id-dsa-with-sha1" },
  { "1.2.840.10045.2.1", "id-ecPublicKey" },
  { "1.2.840.10045.3.1.7", "secp256r1" },
  { "1.2.840.10045.4.1", "ecdsa-with-SHA1" },
  { "1.2.840.10045.4.3.1", "ecdsa-with-SHA224" },
  { "1.2.840.10045.4.3.2", "ecdsa-with-SHA256" },
  { "1.2.840.10045.4.3.3", "ecdsa-with-SHA384" },
  { "1.2.840.10045.4.3.4", "ecdsa-with-SHA512" },
  { "1.3.132.0.34", "secp384r1" },
  { "1.3.132.0.35", "secp521r1" },
  { "1.3.6.1.5.5.7.1.1", "id-pe-authorityInfoAccess" },
  { "1.3.6.1.5.5.7.1.11", "id-pe-subjectInfoAccess" },
  { "1.3.6.1.5.5.7.2.1", "id-qt-cps" },
  { "1.3.6.1.5.5.7.2.2", "id-qt-unotice" },
  { "1.3.6.1.5.5.7.3.1", "id-kp-serverAuth" },
  { "1.3.6.1.5.5.7.3.2", "id-kp-clientAuth" },
  { "1.3.6.1.5.5.7.3.3", "id-kp-codeSigning" },
  { "1.3.6.1.5.5.7.3.4", "id-kp-emailProtection" },
  { "1.3.6.1.5.5.7.3.8", "id-kp-timeStamping" },
  { "1.3.6.1.5.5.7.3.9", "id-kp-OCSPSigning" },
  { "1.3.6.1.5.5.7.48.1", "id-ad-ocsp" },
  { "1.3.6.1.5.5.7.48.2", "id-ad-caIssuers" },
  { "1.3.6.1.4.1.11129.2.4.2", "SignedCertificateTimestampList" },
  { "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName" },
  { "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName" },
  { "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName" },
  { "1.3.6.1.4.1.11129.2.4.5", "SignedCertificateTimestampList" },
  { "1.3.6.1.5.5.7.1.12", "id-pe-logotype" },
  { "1.3.6.1.5.5.7.48.1.1", "id-pkix-ocsp-basic" },
  { "1.3.14.3.2.26", "SHA-1" },
  { "0.9.2342.19200300.100.1.1", "userid" },
  { "0.9.2342.19200300.100.1.25", "dc" },
  { "2.5.4.3", "id-at-commonName" },
  { "2.5.4.4", "id-at-surname" },
  { "2.5.4.5", "id-at-serialNumber" },
  { "2.5.4.6", "id-at-countryName" },
  { "2.5.4.7", "id-at-localityName" },
  { "2.5.4.8", "id-at-stateOrProvinceName" },
  { "2.5.4.9", "id-at-streetAddress" },
  { "2.5.4.10", "id-at-organizationName" },
  { "2.5.4.11", "id-at-organizationalUnitName" },
  { "2.5.4.12", "id-at-title" },
  { "2.5.4.13", "id-at-description" },
  { "2.5.4.15", "id-at-businessCategory" },
  { "2.5.4.17", "id-at-postalCode" },
  { "2.5.4.42", "id-at-givenName" },
  { "2.5.4.43", "id-at-initials" },
  { "2.5.4.44", "id-at-generationQualifier" },
  { "2.5.4.46", "id-at-dnQualifier" },
  { "2.5.4.65", "id-at-pseudonym" },
  { "2.5.4.97", "id-at-organizationIdentifier" },
  { "2.5.29.9", "id-ce-subjectDirectoryAttributes" },
  { "2.5.29.14", "id-ce-subjectKeyIdentifier" },
  { "2.5.29.15", "id-ce-keyUsage" },
  { "2.5.29.16", "id-ce-privateKeyUsagePeriod" },
  { "2.5.29.17", "id-ce-subjectAltName" },
  { "2.5.29.18", "id-ce-issuerAltName" },
  { "2.5.29.19", "id-ce-basicConstraints" },
  { "2.5.29.30", "id-ce-nameConstraints" },
  { "2.5.29.31", "id-ce-cRLDistributionPoints" },
  { "2.5.29.32", "id-ce-certificatePolicies" },
  { "2.5.29.32.0", "anyPolicy" },
  { "2.5.29.33", "id-ce-policyMappings" },
  { "2.5.29.35", "id-ce-authorityKeyIdentifier" },
  { "2.5.29.36", "id-ce-policyConstraints" },
  { "2.5.29.37", "id-ce-extKeyUsage" },
  { "2.5.29.46", "id-ce-freshestCRL" },
  { "2.5.29.54", "id-ce-inhibitAnyPolicy" },
  { "2.16.840.1.113730.1.1", "netscape-cert-type" },
  { "2.16.840.1.113730.1.13", "netscape-comment" },
};

typedef struct
{
  SsPacket *pkt;
  SsReader *r;
  SsLayer   af, ce, sat, ifw;
  gboolean  failed;            /* a BER error was reported: stop */
  guint     depth;             /* nested AlgorithmIdentifier parameters */
} X509Ctx;

static const char *
oid_name (const char *oid)
{
  for (guint i = 0; i < G_N_ELEMENTS (oid_names); i++)
    if (strcmp (oid_names[i].oid, oid) == 0)
      return oid_names[i].name;
  return NULL;
}

/* "sha256WithRSAEncryption", or for an OID Wireshark does not name, its first arc named:
 * "iso.3.6.1.4.1.36305.1.1.2". */
static const char *
oid_label (X509Ctx    *x,
           const char *oid)
{
  const char *name = oid_name (oid);

  if (name)
    return name;
  if (oid[0] >= '0' && oid[0] <= '2' && oid[1] == '.')
    return ss_arena_printf (x->pkt->arena, "%s%s",
                            oid[0] == '0' ? "itu-t" : oid[0] == '1' ? "iso" : "joint-iso-itu-t",
                            oid + 1);
  return oid;
}

static void
ber_error (X509Ctx    *x,
           SsItem     *parent,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
ber_error (X509Ctx    *x,
           SsItem     *parent,
           const char *format,
           ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  x->failed = TRUE;
  ss_packet_add_expert (x->pkt, parent, SS_PROTO_X509AF, AF_E_BER_ERROR, "BER Error: %s", msg);
}

/* Reads the element at @off and checks its class and tag; reports what is wrong otherwise. */
static gboolean
expect (X509Ctx    *x,
        SsItem     *parent,
        guint32     off,
        guint32     end,
        guint8      cls,
        guint32     tag,
        SsDerTlv   *tlv,
        const char *what)
{
  SsDerError err;

  if (x->failed || ss_reader_failed (x->r))
    return FALSE;
  err = ss_der_read_tlv (x->r, off, end, tlv);
  if (err != SS_DER_OK)
    {
      if (!ss_reader_failed (x->r))
        {
          if (err == SS_DER_ERR_OVERRUN)
            ber_error (x, parent, "length %u longer than the %u bytes left for %s", tlv->len,
                       end - ss_der_tlv_contents (tlv), what);
          else
            ber_error (x, parent, "%s in %s", ss_der_error_string (err), what);
        }
      x->failed = TRUE;
      return FALSE;
    }
  if (tlv->cls != cls || tlv->tag != tag)
    {
      ber_error (x, parent, "Wrong field in %s: expected class %u tag %u, got class %u tag %u",
                 what, cls, tag, tlv->cls, tlv->tag);
      return FALSE;
    }
  return TRUE;
}

/* Peeks at the next element without reporting anything (for OPTIONAL and DEFAULT fields). */
static gboolean
peek (X509Ctx  *x,
      guint32   off,
      guint32   end,
      SsDerTlv *tlv)
{
  if (x->failed || off >= end)
    return FALSE;
  return ss_der_read_tlv (x->r, off, end, tlv) == SS_DER_OK;
}

static char *
dup_oid (X509Ctx        *x,
         const SsDerTlv *tlv)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (!ss_der_append_oid (x->r, tlv, s))
    return NULL;
  return ss_arena_strdup (x->pkt->arena, s->str);
}

/* An OBJECT IDENTIFIER item labelled "Name: 1.2.3 (name)". */
static char *
add_oid (X509Ctx        *x,
         SsLayer        *l,
         SsItem         *parent,
         guint           field,
         const SsDerTlv *tlv,
         const char     *label)
{
  char *oid = dup_oid (x, tlv);
  SsItem *it;

  if (!oid)
    {
      ber_error (x, parent, "invalid OBJECT IDENTIFIER encoding");
      return NULL;
    }
  it = ss_layer_add_string (l, parent, field, ss_der_tlv_contents (tlv), tlv->len, oid, -1);
  ss_item_set_text (x->pkt, it, "%s: %s (%s)", label, oid, oid_label (x, oid));
  return oid;
}

/* The text of a string type as UTF-8: BMPString is UCS-2 and UniversalString UCS-4, both big
 * endian; other types are taken as they are (invalid UTF-8 is shown escaped by the printer). */
static char *
dup_string (X509Ctx        *x,
            const SsDerTlv *tlv)
{
  guint32 c = ss_der_tlv_contents (tlv);
  const guint8 *p = tlv->len ? ss_reader_peek (x->r, c, tlv->len) : NULL;
  GString *s;

  if (!p)
    return ss_arena_strdup (x->pkt->arena, "");
  if (tlv->tag != SS_DER_TAG_BMP_STRING && tlv->tag != SS_DER_TAG_UNIVERSAL_STRING)
    return ss_arena_strndup (x->pkt->arena, (const char *) p, tlv->len);
  s = g_string_new (NULL);
  if (tlv->tag == SS_DER_TAG_BMP_STRING)
    for (guint32 i = 0; i + 1 < tlv->len; i += 2)
      g_string_append_unichar (s, (gunichar) (p[i] << 8 | p[i + 1]));
  else
    for (guint32 i = 0; i + 3 < tlv->len; i += 4)
      {
        gunichar ch = (gunichar) p[i] << 24 | (gunichar) p[i + 1] << 16 | p[i + 2] << 8 | p[i + 3];

        g_string_append_unichar (s, g_unichar_validate (ch) ? ch : 0xfffd);
      }
  {
    char *out = ss_arena_strdup (x->pkt->arena, s->str);

    g_string_free (s, TRUE);
    return out;
  }
}

typedef enum
{
  ATTR_DIRECTORY_STRING,
  ATTR_COUNTRY_NAME,
  ATTR_PRINTABLE_STRING,
  ATTR_IA5_STRING,
  ATTR_UNKNOWN,
} AttrSyntax;

static AttrSyntax
attribute_syntax (const char *oid)
{
  static const char *const directory_strings[] = {
    "2.5.4.3", "2.5.4.4", "2.5.4.7", "2.5.4.8", "2.5.4.9", "2.5.4.10", "2.5.4.11", "2.5.4.12",
    "2.5.4.13", "2.5.4.15", "2.5.4.17", "2.5.4.42", "2.5.4.43", "2.5.4.44", "2.5.4.65",
    "2.5.4.97",
  };

  for (guint i = 0; i < G_N_ELEMENTS (directory_strings); i++)
    if (strcmp (oid, directory_strings[i]) == 0)
      return ATTR_DIRECTORY_STRING;
  if (strcmp (oid, "2.5.4.6") == 0 || strcmp (oid, "1.3.6.1.4.1.311.60.2.1.3") == 0)
    return ATTR_COUNTRY_NAME;
  if (strcmp (oid, "1.3.6.1.4.1.311.60.2.1.1") == 0
      || strcmp (oid, "1.3.6.1.4.1.311.60.2.1.2") == 0)
    return ATTR_DIRECTORY_STRING;
  if (strcmp (oid, "2.5.4.5") == 0 || strcmp (oid, "2.5.4.46") == 0)
    return ATTR_PRINTABLE_STRING;
  if (strcmp (oid, "1.2.840.113549.1.9.1") == 0 || strcmp (oid, "0.9.2342.19200300.100.1.25") == 0)
    return ATTR_IA5_STRING;
  return ATTR_UNKNOWN;
}

/* One AttributeTypeAndValue (RFC 5280 §4.1.2.4); returns "id-at-commonName=example.com". */
static const char *
dissect_attribute (X509Ctx *x,
                   SsItem  *parent,
                   guint32  off,
                   guint32  end)
{
  SsDerTlv atv, type, value;
  SsItem *item, *it;
  const char *oid, *text;
  guint32 c;

  if (!expect (x, parent, off, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &atv,
               "AttributeTypeAndValue"))
    return NULL;
  item = ss_layer_add_uint (&x->ifw, parent, IF_F_RDN_ITEM, atv.off,
                            ss_der_tlv_end (&atv) - atv.off, 0);
  c = ss_der_tlv_contents (&atv);
  if (!expect (x, item, c, c + atv.len, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_OID, &type,
               "AttributeType"))
    return NULL;
  oid = add_oid (x, &x->ifw, item, IF_F_OID, &type, "Object Id");
  if (!oid)
    return NULL;
  c = ss_der_tlv_end (&type);
  if (!peek (x, c, ss_der_tlv_contents (&atv) + atv.len, &value))
    {
      ber_error (x, item, "missing AttributeValue");
      return NULL;
    }
  text = dup_string (x, &value);
  switch (value.cls == SS_DER_CLASS_UNIVERSAL ? attribute_syntax (oid) : ATTR_UNKNOWN)
    {
    case ATTR_DIRECTORY_STRING:
      {
        guint choice, field;

        switch (value.tag)
          {
          case SS_DER_TAG_TELETEX_STRING: choice = 0; field = SAT_F_TELETEX_STRING; break;
          case SS_DER_TAG_PRINTABLE_STRING:
            choice = 1;
            field = SAT_F_PRINTABLE_STRING_CHOICE;
            break;
          case SS_DER_TAG_UNIVERSAL_STRING: choice = 2; field = SAT_F_UNIVERSAL_STRING; break;
          case SS_DER_TAG_BMP_STRING: choice = 3; field = SAT_F_BMP_STRING; break;
          case SS_DER_TAG_UTF8_STRING: choice = 4; field = SAT_F_UTF8_STRING; break;
          default:
            ber_error (x, item, "Wrong field in DirectoryString: tag %u", value.tag);
            return NULL;
          }
        ss_packet_add_protocols_entry (x->pkt, "x509sat");
        it = ss_layer_add_uint (&x->sat, item, SAT_F_DIRECTORY_STRING, value.off,
                                ss_der_tlv_end (&value) - value.off, choice);
        ss_layer_add_string (&x->sat, it, field, ss_der_tlv_contents (&value), value.len, text,
                             -1);
      }
      break;
    case ATTR_COUNTRY_NAME:
      ss_packet_add_protocols_entry (x->pkt, "x509sat");
      ss_layer_add_string (&x->sat, item, SAT_F_COUNTRY_NAME, ss_der_tlv_contents (&value),
                           value.len, text, -1);
      break;
    case ATTR_PRINTABLE_STRING:
      ss_packet_add_protocols_entry (x->pkt, "x509sat");
      ss_layer_add_string (&x->sat, item, SAT_F_PRINTABLE_STRING, ss_der_tlv_contents (&value),
                           value.len, text, -1);
      break;
    case ATTR_IA5_STRING:
      ss_packet_add_protocols_entry (x->pkt, "x509sat");
      ss_layer_add_string (&x->sat, item, SAT_F_IA5_STRING, ss_der_tlv_contents (&value),
                           value.len, text, -1);
      break;
    case ATTR_UNKNOWN:
    default:
      ss_layer_add_text (&x->ifw, item, value.off, ss_der_tlv_end (&value) - value.off,
                         "Value: %s", text);
      break;
    }
  text = ss_arena_printf (x->pkt->arena, "%s=%s", oid_label (x, oid), text);
  ss_item_append_text (x->pkt, item, " (%s)", text);
  return text;
}

/* Name ::= CHOICE { rdnSequence RDNSequence } (RFC 5280 §4.1.2.4). @choice_field is the
 * x509af issuer/subject item; @seq_layer/@seq_field the rdnSequence count (x509af for subject,
 * x509if for issuer, as tshark). Returns the RDNs most specific first, joined with ",". */
static const char *
dissect_name (X509Ctx    *x,
              SsItem     *parent,
              SsLayer    *choice_layer,
              guint       choice_field,
              SsLayer    *seq_layer,
              guint       seq_field,
              guint32     off,
              guint32     end,
              const char *what)
{
  SsDerTlv seq, rdn;
  SsItem *choice, *seq_item;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  guint32 pos, seq_end;

  if (!expect (x, parent, off, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &seq, what))
    return NULL;
  if (choice_field == G_MAXUINT)
    choice = ss_layer_add_text (choice_layer, parent, seq.off, ss_der_tlv_end (&seq) - seq.off,
                                "%s: 0", what);
  else
    choice = ss_layer_add_uint (choice_layer, parent, choice_field, seq.off,
                                ss_der_tlv_end (&seq) - seq.off, 0);
  seq_item = NULL;
  pos = ss_der_tlv_contents (&seq);
  seq_end = pos + seq.len;
  {
    guint n = 0;
    SsDerTlv t;

    for (guint32 p = pos; p < seq_end && peek (x, p, seq_end, &t); p = ss_der_tlv_end (&t))
      n++;
    seq_item = ss_layer_add_uint (seq_layer, choice, seq_field, seq.off,
                                  ss_der_tlv_end (&seq) - seq.off, n);
    ss_item_set_text (x->pkt, seq_item, "rdnSequence: %u item%s", n, n == 1 ? "" : "s");
  }
  while (pos < seq_end && !x->failed)
    {
      SsItem *rdn_item;
      g_autoptr(GString) rdn_text = g_string_new (NULL);
      guint32 p, rdn_end;
      guint n = 0;
      SsDerTlv t;

      if (!expect (x, seq_item, pos, seq_end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SET, &rdn,
                   "RelativeDistinguishedName"))
        break;
      rdn_end = ss_der_tlv_contents (&rdn) + rdn.len;
      for (p = ss_der_tlv_contents (&rdn); p < rdn_end && peek (x, p, rdn_end, &t);
           p = ss_der_tlv_end (&t))
        n++;
      rdn_item = ss_layer_add_uint (&x->ifw, seq_item, IF_F_RDN_SEQUENCE_ITEM, rdn.off,
                                    ss_der_tlv_end (&rdn) - rdn.off, n);
      for (p = ss_der_tlv_contents (&rdn); p < rdn_end && !x->failed;)
        {
          const char *a;

          if (!peek (x, p, rdn_end, &t))
            {
              ber_error (x, rdn_item, "invalid element in RelativeDistinguishedName");
              break;
            }
          a = dissect_attribute (x, rdn_item, p, rdn_end);
          if (a)
            g_string_append_printf (rdn_text, "%s%s", rdn_text->len ? "+" : "", a);
          p = ss_der_tlv_end (&t);
        }
      ss_item_set_text (x->pkt, rdn_item, "RDNSequence item: %u item%s (%s)", n,
                        n == 1 ? "" : "s", rdn_text->str);
      g_ptr_array_add (parts, ss_arena_strdup (x->pkt->arena, rdn_text->str));
      pos = ss_der_tlv_end (&rdn);
    }
  for (guint i = parts->len; i > 0; i--)
    g_string_append_printf (summary, "%s%s", i < parts->len ? "," : "",
                            (const char *) g_ptr_array_index (parts, i - 1));
  ss_item_append_text (x->pkt, seq_item, " (%s)", summary->str);
  return ss_arena_strdup (x->pkt->arena, summary->str);
}

/* AlgorithmIdentifier (RFC 5280 §4.1.1.2): the element item labelled with the algorithm's
 * name, its OID under it; parameters are not shown. */
static void
dissect_algorithm (X509Ctx *x,
                   SsLayer *l,
                   SsItem  *parent,
                   guint    field,
                   guint32  off,
                   guint32  end,
                   const char *what)
{
  SsDerTlv seq, oid;
  SsItem *item;
  const char *s;

  if (!expect (x, parent, off, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &seq, what))
    return;
  item = ss_layer_add_uint (l, parent, field, seq.off, ss_der_tlv_end (&seq) - seq.off, 0);
  if (!expect (x, item, ss_der_tlv_contents (&seq), ss_der_tlv_contents (&seq) + seq.len,
               SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_OID, &oid, "AlgorithmIdentifier"))
    return;
  s = add_oid (x, &x->af, item, AF_F_ALGORITHM_ID, &oid, "Algorithm Id");
  if (s)
    ss_item_append_text (x->pkt, item, " (%s)", oid_label (x, s));
  /* RSASSA-PSS-params (RFC 4055 §3.1): the hash and mask generation algorithms. */
  if (s && strcmp (s, "1.2.840.113549.1.1.10") == 0)
    {
      guint32 se = ss_der_tlv_contents (&seq) + seq.len;
      SsDerTlv params, t;

      if (x->depth < 4 && peek (x, ss_der_tlv_end (&oid), se, &params)
          && params.tag == SS_DER_TAG_SEQUENCE)
        for (guint32 p = ss_der_tlv_contents (&params);
             p < ss_der_tlv_contents (&params) + params.len
             && peek (x, p, ss_der_tlv_contents (&params) + params.len, &t);
             p = ss_der_tlv_end (&t))
          if (t.cls == SS_DER_CLASS_CONTEXT && (t.tag == 0 || t.tag == 1))
            {
              x->depth++;
              dissect_algorithm (x, l, item, field, ss_der_tlv_contents (&t),
                                 ss_der_tlv_contents (&t) + t.len,
                                 t.tag == 0 ? "hashAlgorithm" : "maskGenAlgorithm");
              x->depth--;
            }
    }
}

/* The text tshark shows for a UTCTime: "2026-11-26 18:49:36 (UTC)", the century added as RFC
 * 5280 §4.1.2.5.1 says. NULL when it is not valid. */
static char *
utc_time_text (X509Ctx        *x,
               const SsDerTlv *tlv)
{
  const guint8 *p = tlv->len >= 11 && tlv->len <= 17
                    ? ss_reader_peek (x->r, ss_der_tlv_contents (tlv), tlv->len) : NULL;
  g_autoptr(GString) s = NULL;
  guint i = 10;

  if (!p)
    return NULL;
  for (guint k = 0; k < 10; k++)
    if (p[k] < '0' || p[k] > '9')
      return NULL;
  s = g_string_new (p[0] < '5' ? "20" : "19");
  g_string_append_printf (s, "%.2s-%.2s-%.2s %.2s:%.2s", p, p + 2, p + 4, p + 6, p + 8);
  if (i + 2 <= tlv->len && p[i] >= '0' && p[i] <= '9')
    {
      if (p[i + 1] < '0' || p[i + 1] > '9')
        return NULL;
      g_string_append_printf (s, ":%.2s", p + i);
      i += 2;
    }
  if (i < tlv->len && p[i] == 'Z' && i + 1 == tlv->len)
    g_string_append (s, " (UTC)");
  else if (i < tlv->len && (p[i] == '+' || p[i] == '-') && i + 5 == tlv->len)
    g_string_append_printf (s, " (UTC%c%.4s)", p[i], p + i + 1);
  else
    return NULL;
  return ss_arena_strdup (x->pkt->arena, s->str);
}

/* Time ::= CHOICE { utcTime, generalizedTime }; returns seconds since the epoch in @secs. */
static gboolean
dissect_time (X509Ctx *x,
              SsItem  *parent,
              guint    field,
              guint32  off,
              guint32  end,
              gint64  *secs,
              char   **text)
{
  SsDerTlv t;
  SsItem *choice;
  gint32 nsecs;
  gboolean utc;

  *text = NULL;
  if (!peek (x, off, end, &t) || t.cls != SS_DER_CLASS_UNIVERSAL
      || (t.tag != SS_DER_TAG_UTC_TIME && t.tag != SS_DER_TAG_GENERALIZED_TIME))
    {
      ber_error (x, parent, "Wrong field in Time");
      return FALSE;
    }
  utc = t.tag == SS_DER_TAG_UTC_TIME;
  choice = ss_layer_add_uint (&x->af, parent, field, t.off, ss_der_tlv_end (&t) - t.off,
                              utc ? 0 : 1);
  if (!ss_der_get_time (x->r, &t, secs, &nsecs))
    {
      ber_error (x, choice, "malformed %s encoding", utc ? "UTCTime" : "GeneralizedTime");
      return FALSE;
    }
  if (utc)
    {
      *text = utc_time_text (x, &t);
      if (!*text)
        {
          ber_error (x, choice, "malformed UTCTime encoding");
          return FALSE;
        }
      ss_layer_add_string (&x->af, choice, AF_F_UTC_TIME, ss_der_tlv_contents (&t), t.len, *text,
                           -1);
    }
  else
    ss_layer_add_time (&x->af, choice, AF_F_GENERALIZED_TIME, ss_der_tlv_contents (&t), t.len,
                       *secs, nsecs);
  return TRUE;
}

static char *
format_utc (X509Ctx *x,
            gint64   secs)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (secs);

  if (!dt)
    return ss_arena_strdup (x->pkt->arena, "?");
  {
    g_autofree char *s = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S UTC");

    return ss_arena_strdup (x->pkt->arena, s);
  }
}

/* GeneralName (RFC 5280 §4.2.1.6). */
static void
dissect_general_name (X509Ctx  *x,
                      SsItem   *parent,
                      guint32   off,
                      guint32   end,
                      gboolean  access_location)
{
  SsDerTlv t;
  SsItem *choice;
  guint32 c;

  if (!peek (x, off, end, &t) || t.cls != SS_DER_CLASS_CONTEXT || t.tag > 8)
    {
      ber_error (x, parent, "Wrong field in GeneralName");
      return;
    }
  c = ss_der_tlv_contents (&t);
  /* AccessDescription's accessLocation is pkix1implicit's choice item, not x509ce's. */
  if (access_location)
    choice = ss_layer_add_text (&x->af, parent, t.off, ss_der_tlv_end (&t) - t.off,
                                "accessLocation: %u", t.tag);
  else
    choice = ss_layer_add_uint (&x->ce, parent, CE_F_GENERAL_NAME, t.off,
                                ss_der_tlv_end (&t) - t.off, t.tag);
  switch (t.tag)
    {
    case 1:
      ss_layer_add_string (&x->ce, choice, CE_F_RFC822_NAME, c, t.len, dup_string (x, &t), -1);
      break;
    case 2:
      ss_layer_add_string (&x->ce, choice, CE_F_DNS_NAME, c, t.len, dup_string (x, &t), -1);
      break;
    case 6:
      ss_layer_add_string (&x->ce, choice, CE_F_URI, c, t.len, dup_string (x, &t), -1);
      break;
    case 7:
      ss_layer_add_bytes (&x->ce, choice, CE_F_IP_ADDRESS, c, t.len,
                          ss_reader_peek (x->r, c, t.len), t.len);
      break;
    case 8:
      {
        char *oid = dup_oid (x, &t);

        if (oid)
          ss_item_set_text (x->pkt,
                            ss_layer_add_string (&x->ce, choice, CE_F_REGISTERED_ID, c, t.len,
                                                 oid, -1),
                            "registeredID: %s (%s)", oid, oid_label (x, oid));
      }
      break;
    case 4:
      dissect_name (x, choice, &x->ce, CE_F_DIRECTORY_NAME, &x->ifw, IF_F_RDN_SEQUENCE, c,
                    c + t.len, "directoryName");
      break;
    case 0:
      {
        SsDerTlv oid;
        SsItem *on = ss_layer_add_uint (&x->ce, choice, CE_F_OTHER_NAME, t.off,
                                        ss_der_tlv_end (&t) - t.off, 0);

        if (peek (x, c, c + t.len, &oid) && oid.cls == SS_DER_CLASS_UNIVERSAL
            && oid.tag == SS_DER_TAG_OID)
          add_oid (x, &x->ce, on, CE_F_OTHER_NAME_FORM, &oid, "type-id");
      }
      break;
    default:
      break;
    }
}

/* GeneralNames ::= SEQUENCE OF GeneralName, labelled "GeneralNames: 2 items" or with @label. */
static void
dissect_general_names (X509Ctx    *x,
                       SsItem     *parent,
                       guint       field,
                       const char *label,
                       guint32     off,
                       guint32     end,
                       gboolean    implicit)
{
  SsDerTlv seq, t;
  SsItem *list;
  guint32 pos, seq_end;
  guint n = 0;

  if (implicit)
    {
      if (!peek (x, off, end, &seq))
        {
          ber_error (x, parent, "invalid GeneralNames");
          return;
        }
    }
  else if (!expect (x, parent, off, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &seq,
                    "GeneralNames"))
    return;
  pos = ss_der_tlv_contents (&seq);
  seq_end = pos + seq.len;
  for (guint32 p = pos; p < seq_end && peek (x, p, seq_end, &t); p = ss_der_tlv_end (&t))
    n++;
  list = ss_layer_add_uint (&x->ce, parent, field, seq.off, ss_der_tlv_end (&seq) - seq.off, n);
  ss_item_set_text (x->pkt, list, "%s: %u item%s", label, n, n == 1 ? "" : "s");
  while (pos < seq_end && !x->failed && peek (x, pos, seq_end, &t))
    {
      dissect_general_name (x, list, pos, seq_end, FALSE);
      pos = ss_der_tlv_end (&t);
    }
}

/* Counts the elements of a SEQUENCE OF (for the "N items" labels). */
static guint
count_elements (X509Ctx *x,
                guint32  off,
                guint32  end)
{
  SsDerTlv t;
  guint n = 0;

  for (guint32 p = off; p < end && peek (x, p, end, &t); p = ss_der_tlv_end (&t))
    n++;
  return n;
}

/* HashAlgAndValue ::= SEQUENCE { hashAlg AlgorithmIdentifier, hashValue OCTET STRING } (RFC 3709
 * §4.1), wherever it sits in a logotype: its algorithm is shown as in a certificate. */
static void
find_hash_algorithms (X509Ctx *x,
                      SsItem  *parent,
                      guint32  off,
                      guint32  end,
                      guint    depth)
{
  SsDerTlv t;

  if (depth > SS_DER_MAX_DEPTH)
    return;
  for (guint32 p = off; p < end && !x->failed && peek (x, p, end, &t); p = ss_der_tlv_end (&t))
    {
      guint32 c = ss_der_tlv_contents (&t), e = c + t.len;
      SsDerTlv alg, oid, value;

      if (!t.constructed)
        continue;
      if (t.cls == SS_DER_CLASS_UNIVERSAL && t.tag == SS_DER_TAG_SEQUENCE
          && peek (x, c, e, &alg) && alg.cls == SS_DER_CLASS_UNIVERSAL
          && alg.tag == SS_DER_TAG_SEQUENCE
          && peek (x, ss_der_tlv_contents (&alg), ss_der_tlv_contents (&alg) + alg.len, &oid)
          && oid.tag == SS_DER_TAG_OID && peek (x, ss_der_tlv_end (&alg), e, &value)
          && value.tag == SS_DER_TAG_OCTET_STRING)
        {
          dissect_algorithm (x, &x->af, parent, AF_F_ALGORITHM_IDENTIFIER, c, e, "hashAlg");
          continue;
        }
      find_hash_algorithms (x, parent, c, e, depth + 1);
    }
}

/* The value of one extension, by its OID (RFC 5280 §4.2.1). */
static void
dissect_extension_value (X509Ctx    *x,
                         SsItem     *ext,
                         const char *oid,
                         guint32     off,
                         guint32     end)
{
  SsDerTlv v, t, u;
  guint32 c, ve;
  SsItem *it, *sub;

  if (!peek (x, off, end, &v))
    {
      ber_error (x, ext, "invalid extension value");
      return;
    }
  c = ss_der_tlv_contents (&v);
  ve = c + v.len;

  if (strcmp (oid, "2.5.29.14") == 0 && v.tag == SS_DER_TAG_OCTET_STRING)
    {
      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      ss_layer_add_bytes (&x->ce, ext, CE_F_SUBJECT_KEY_IDENTIFIER, c, v.len,
                          ss_reader_peek (x->r, c, v.len), v.len);
    }
  else if (strcmp (oid, "2.5.29.15") == 0 && v.tag == SS_DER_TAG_BIT_STRING && v.len >= 1)
    {
      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_bytes (&x->ce, ext, CE_F_KEY_USAGE, c + 1, v.len - 1,
                               ss_reader_peek (x->r, c + 1, v.len - 1), v.len - 1);
      if (v.len >= 2)
        for (guint f = CE_F_KU_DIGITAL_SIGNATURE; f <= CE_F_KU_ENCIPHER_ONLY; f++)
          ss_layer_add_item (&x->ce, it, f, c + 1, 1, SS_ENC_BE);
      if (v.len >= 3)
        ss_layer_add_item (&x->ce, it, CE_F_KU_DECIPHER_ONLY, c + 2, 1, SS_ENC_BE);
      else
        ss_layer_add_uint (&x->ce, it, CE_F_KU_DECIPHER_ONLY, c + 1, 0, 0);
    }
  else if ((strcmp (oid, "2.5.29.17") == 0 || strcmp (oid, "2.5.29.18") == 0)
           && v.tag == SS_DER_TAG_SEQUENCE)
    {
      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      dissect_general_names (x, ext, CE_F_GENERAL_NAMES, "GeneralNames", off, end, FALSE);
    }
  else if (strcmp (oid, "2.5.29.19") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_uint (&x->ce, ext, CE_F_BASIC_CONSTRAINTS, v.off, ve - v.off, 0);
      if (v.len == 0)
        ss_item_append_text (x->pkt, it, " [0 length]");
      if (peek (x, c, ve, &t) && t.tag == SS_DER_TAG_BOOLEAN)
        {
          gboolean ca;

          if (ss_der_get_bool (x->r, &t, &ca))
            ss_layer_add_uint (&x->ce, it, CE_F_CA, ss_der_tlv_contents (&t), 1, ca);
          c = ss_der_tlv_end (&t);
        }
      if (peek (x, c, ve, &t) && t.tag == SS_DER_TAG_INTEGER)
        {
          guint64 n;

          if (ss_der_get_uint (x->r, &t, &n))
            ss_layer_add_uint (&x->ce, it, CE_F_PATH_LEN_CONSTRAINT, ss_der_tlv_contents (&t),
                               t.len, n);
        }
    }
  else if (strcmp (oid, "2.5.29.35") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_uint (&x->ce, ext, CE_F_AUTHORITY_KEY_IDENTIFIER, v.off, ve - v.off, 0);
      for (guint32 p = c; p < ve && peek (x, p, ve, &t); p = ss_der_tlv_end (&t))
        {
          guint32 tc = ss_der_tlv_contents (&t);

          if (t.cls == SS_DER_CLASS_CONTEXT && t.tag == 0)
            ss_layer_add_bytes (&x->ce, it, CE_F_KEY_IDENTIFIER, tc, t.len,
                                ss_reader_peek (x->r, tc, t.len), t.len);
          else if (t.cls == SS_DER_CLASS_CONTEXT && t.tag == 1)
            dissect_general_names (x, it, CE_F_AUTHORITY_CERT_ISSUER, "authorityCertIssuer", p,
                                   ss_der_tlv_end (&t), TRUE);
          else if (t.cls == SS_DER_CLASS_CONTEXT && t.tag == 2)
            ss_layer_add_bytes (&x->ce, it, CE_F_AUTHORITY_CERT_SERIAL_NUMBER, tc, t.len,
                                ss_reader_peek (x->r, tc, t.len), t.len);
        }
    }
  else if (strcmp (oid, "2.5.29.37") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      guint n = count_elements (x, c, ve);

      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_uint (&x->ce, ext, CE_F_KEY_PURPOSE_IDS, v.off, ve - v.off, n);
      ss_item_set_text (x->pkt, it, "KeyPurposeIDs: %u item%s", n, n == 1 ? "" : "s");
      for (guint32 p = c; p < ve && peek (x, p, ve, &t); p = ss_der_tlv_end (&t))
        if (t.tag == SS_DER_TAG_OID)
          add_oid (x, &x->ce, it, CE_F_KEY_PURPOSE_ID, &t, "KeyPurposeId");
    }
  else if (strcmp (oid, "2.5.29.31") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      guint n = count_elements (x, c, ve);

      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_uint (&x->ce, ext, CE_F_CRL_DIST_POINTS, v.off, ve - v.off, n);
      ss_item_set_text (x->pkt, it, "CRLDistPointsSyntax: %u item%s", n, n == 1 ? "" : "s");
      for (guint32 p = c; p < ve && !x->failed && peek (x, p, ve, &t); p = ss_der_tlv_end (&t))
        {
          guint32 tc = ss_der_tlv_contents (&t);

          sub = ss_layer_add_uint (&x->ce, it, CE_F_DISTRIBUTION_POINT_ELEMENT, t.off,
                                   ss_der_tlv_end (&t) - t.off, 0);
          /* distributionPoint [0] EXPLICIT DistributionPointName: fullName [0] IMPLICIT */
          if (peek (x, tc, tc + t.len, &u) && u.cls == SS_DER_CLASS_CONTEXT && u.tag == 0)
            {
              SsDerTlv w;
              guint32 uc = ss_der_tlv_contents (&u);

              if (peek (x, uc, uc + u.len, &w) && w.cls == SS_DER_CLASS_CONTEXT && w.tag == 0)
                {
                  SsItem *dp = ss_layer_add_uint (&x->ce, sub, CE_F_DISTRIBUTION_POINT, w.off,
                                                  ss_der_tlv_end (&w) - w.off, 0);

                  dissect_general_names (x, dp, CE_F_FULL_NAME, "fullName", uc, uc + u.len,
                                         TRUE);
                }
            }
        }
    }
  else if (strcmp (oid, "2.5.29.32") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      guint n = count_elements (x, c, ve);

      ss_packet_add_protocols_entry (x->pkt, "x509ce");
      it = ss_layer_add_uint (&x->ce, ext, CE_F_CERTIFICATE_POLICIES, v.off, ve - v.off, n);
      ss_item_set_text (x->pkt, it, "CertificatePoliciesSyntax: %u item%s", n, n == 1 ? "" : "s");
      for (guint32 p = c; p < ve && !x->failed && peek (x, p, ve, &t); p = ss_der_tlv_end (&t))
        {
          guint32 tc = ss_der_tlv_contents (&t), te = tc + t.len;

          sub = ss_layer_add_uint (&x->ce, it, CE_F_POLICY_INFORMATION, t.off,
                                   ss_der_tlv_end (&t) - t.off, 0);
          if (!peek (x, tc, te, &u) || u.tag != SS_DER_TAG_OID)
            continue;
          add_oid (x, &x->ce, sub, CE_F_POLICY_IDENTIFIER, &u, "policyIdentifier");
          tc = ss_der_tlv_end (&u);
          if (peek (x, tc, te, &u) && u.tag == SS_DER_TAG_SEQUENCE)
            {
              guint32 qc = ss_der_tlv_contents (&u), qe = qc + u.len;
              guint nq = count_elements (x, qc, qe);
              SsItem *qs = ss_layer_add_uint (&x->ce, sub, CE_F_POLICY_QUALIFIERS, u.off,
                                              ss_der_tlv_end (&u) - u.off, nq);
              SsDerTlv q;

              ss_item_set_text (x->pkt, qs, "policyQualifiers: %u item%s", nq, nq == 1 ? "" : "s");
              for (guint32 qp = qc; qp < qe && peek (x, qp, qe, &q); qp = ss_der_tlv_end (&q))
                {
                  SsDerTlv qid;
                  SsItem *qi = ss_layer_add_uint (&x->ce, qs, CE_F_POLICY_QUALIFIER_INFO, q.off,
                                                  ss_der_tlv_end (&q) - q.off, 0);

                  if (peek (x, ss_der_tlv_contents (&q), ss_der_tlv_contents (&q) + q.len, &qid)
                      && qid.tag == SS_DER_TAG_OID)
                    add_oid (x, &x->ce, qi, CE_F_POLICY_QUALIFIER_ID, &qid, "Id");
                }
            }
        }
    }
  else if (strcmp (oid, "1.3.6.1.4.1.11129.2.4.2") == 0 && v.tag == SS_DER_TAG_OCTET_STRING)
    ss_tls_dissect_sct_list (x->pkt, x->r, c, ve, 0x0303, ext);
  else if (strcmp (oid, "1.3.6.1.5.5.7.1.12") == 0)
    {
      /* id-pe-logotype (RFC 3709): Wireshark shows the hash algorithm of each image. */
      ss_packet_add_protocols_entry (x->pkt, "logotypecertextn");
      find_hash_algorithms (x, ext, off, end, 0);
    }
  else if (strcmp (oid, "1.3.6.1.5.5.7.1.1") == 0 && v.tag == SS_DER_TAG_SEQUENCE)
    {
      /* AuthorityInfoAccessSyntax (RFC 5280 §4.2.2.1); Wireshark's pkix1implicit. */
      guint n = count_elements (x, c, ve);

      ss_packet_add_protocols_entry (x->pkt, "pkix1implicit");
      it = ss_layer_add_text (&x->af, ext, v.off, ve - v.off,
                              "AuthorityInfoAccessSyntax: %u item%s", n, n == 1 ? "" : "s");
      for (guint32 p = c; p < ve && !x->failed && peek (x, p, ve, &t); p = ss_der_tlv_end (&t))
        {
          guint32 tc = ss_der_tlv_contents (&t), te = tc + t.len;

          sub = ss_layer_add_text (&x->af, it, t.off, ss_der_tlv_end (&t) - t.off,
                                   "AccessDescription");
          if (!peek (x, tc, te, &u) || u.tag != SS_DER_TAG_OID)
            continue;
          {
            char *m = dup_oid (x, &u);

            if (m)
              ss_layer_add_text (&x->af, sub, u.off, ss_der_tlv_end (&u) - u.off,
                                 "accessMethod: %s (%s)", m, oid_label (x, m));
          }
          tc = ss_der_tlv_end (&u);
          if (tc < te)
            dissect_general_name (x, sub, tc, te, TRUE);
        }
    }
  else
    ss_layer_add_bytes (&x->af, ext, AF_F_EXTN_VALUE, c, v.len, ss_reader_peek (x->r, c, v.len),
                        v.len);
}

/* Extensions ::= SEQUENCE OF Extension (RFC 5280 §4.1.2.9). */
static void
dissect_extensions (X509Ctx *x,
                    SsItem  *parent,
                    guint32  off,
                    guint32  end)
{
  SsDerTlv seq, ext, t;
  SsItem *list;
  guint32 pos, seq_end;
  guint n;

  if (!expect (x, parent, off, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &seq,
               "Extensions"))
    return;
  pos = ss_der_tlv_contents (&seq);
  seq_end = pos + seq.len;
  n = count_elements (x, pos, seq_end);
  list = ss_layer_add_uint (&x->af, parent, AF_F_EXTENSIONS, seq.off,
                            ss_der_tlv_end (&seq) - seq.off, n);
  ss_item_set_text (x->pkt, list, "extensions: %u item%s", n, n == 1 ? "" : "s");
  while (pos < seq_end && !x->failed)
    {
      SsItem *item;
      guint32 c, e;
      const char *oid;

      if (!expect (x, list, pos, seq_end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &ext,
                   "Extension"))
        break;
      item = ss_layer_add_uint (&x->af, list, AF_F_EXTENSION, ext.off,
                                ss_der_tlv_end (&ext) - ext.off, 0);
      c = ss_der_tlv_contents (&ext);
      e = c + ext.len;
      if (!expect (x, item, c, e, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_OID, &t, "Extension"))
        break;
      oid = add_oid (x, &x->af, item, AF_F_EXTENSION_ID, &t, "Extension Id");
      if (!oid)
        break;
      ss_item_append_text (x->pkt, item, " (%s)", oid_label (x, oid));
      c = ss_der_tlv_end (&t);
      if (peek (x, c, e, &t) && t.cls == SS_DER_CLASS_UNIVERSAL && t.tag == SS_DER_TAG_BOOLEAN)
        {
          gboolean critical;

          if (ss_der_get_bool (x->r, &t, &critical))
            ss_layer_add_uint (&x->af, item, AF_F_CRITICAL, ss_der_tlv_contents (&t), 1,
                               critical);
          c = ss_der_tlv_end (&t);
        }
      if (expect (x, item, c, e, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_OCTET_STRING, &t,
                  "extnValue"))
        dissect_extension_value (x, item, oid, ss_der_tlv_contents (&t),
                                 ss_der_tlv_contents (&t) + t.len);
      pos = ss_der_tlv_end (&ext);
    }
}

/* Certificate (RFC 5280 §4.1). */
const char *
ss_x509_dissect_certificate (SsPacket *pkt,
                             SsReader *r,
                             guint     off,
                             guint     len,
                             SsItem   *parent)
{
  X509Ctx x = { 0 };
  SsReader cert;
  SsDerTlv c, tbs, t;
  SsItem *signed_item, *validity;
  const char *subject = NULL;
  guint32 pos, tbs_end, c_end;
  gint64 not_before = 0, not_after = 0;
  char *nb_text = NULL, *na_text = NULL;
  gboolean have_validity = FALSE;

  g_return_val_if_fail (pkt != NULL && r != NULL, NULL);

  /* The certificate's own view: a DER length past its end marks the frame malformed. */
  ss_reader_sub (r, off, len, &cert);
  x.pkt = pkt;
  x.r = &cert;
  x.af = (SsLayer) { pkt, &cert, SS_PROTO_X509AF, pkt->bases[SS_PROTO_X509AF], parent };
  x.ce = (SsLayer) { pkt, &cert, SS_PROTO_X509CE, pkt->bases[SS_PROTO_X509CE], parent };
  x.sat = (SsLayer) { pkt, &cert, SS_PROTO_X509SAT, pkt->bases[SS_PROTO_X509SAT], parent };
  x.ifw = (SsLayer) { pkt, &cert, SS_PROTO_X509IF, pkt->bases[SS_PROTO_X509IF], parent };

  if (!expect (&x, parent, 0, cert.reported, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &c,
               "Certificate"))
    return NULL;
  c_end = ss_der_tlv_contents (&c) + c.len;
  if (!expect (&x, parent, ss_der_tlv_contents (&c), c_end, SS_DER_CLASS_UNIVERSAL,
               SS_DER_TAG_SEQUENCE, &tbs, "signedCertificate"))
    return NULL;
  signed_item = ss_layer_add_uint (&x.af, parent, AF_F_SIGNED_CERTIFICATE, tbs.off,
                                   ss_der_tlv_end (&tbs) - tbs.off, 0);
  pos = ss_der_tlv_contents (&tbs);
  tbs_end = pos + tbs.len;

  /* version [0] EXPLICIT Version DEFAULT v1 */
  if (peek (&x, pos, tbs_end, &t) && t.cls == SS_DER_CLASS_CONTEXT && t.tag == 0)
    {
      SsDerTlv v;
      gint64 version;

      if (expect (&x, signed_item, ss_der_tlv_contents (&t), ss_der_tlv_contents (&t) + t.len,
                  SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_INTEGER, &v, "version")
          && ss_der_get_int (x.r, &v, &version))
        ss_layer_add_int (&x.af, signed_item, AF_F_VERSION, ss_der_tlv_contents (&v), v.len,
                          version);
      pos = ss_der_tlv_end (&t);
    }
  /* serialNumber CertificateSerialNumber */
  if (expect (&x, signed_item, pos, tbs_end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_INTEGER, &t,
              "serialNumber"))
    {
      guint32 sc = ss_der_tlv_contents (&t);
      const guint8 *p = ss_reader_peek (x.r, sc, t.len);
      SsItem *it = ss_layer_add_bytes (&x.af, signed_item, AF_F_SERIAL_NUMBER, sc, t.len, p,
                                       p ? t.len : 0);

      if (it && pkt->full && p)
        {
          g_autoptr(GString) s = g_string_new ("serialNumber: 0x");

          for (guint32 i = 0; i < t.len; i++)
            g_string_append_printf (s, "%02x", p[i]);
          ss_item_set_text (pkt, it, "%s", s->str);
        }
      pos = ss_der_tlv_end (&t);
    }
  dissect_algorithm (&x, &x.af, signed_item, AF_F_SIGNATURE, pos, tbs_end, "signature");
  if (peek (&x, pos, tbs_end, &t))
    pos = ss_der_tlv_end (&t);
  if (!x.failed)
    {
      dissect_name (&x, signed_item, &x.af, AF_F_ISSUER, &x.ifw, IF_F_RDN_SEQUENCE, pos, tbs_end,
                    "issuer");
      if (peek (&x, pos, tbs_end, &t))
        pos = ss_der_tlv_end (&t);
    }
  /* validity Validity ::= SEQUENCE { notBefore Time, notAfter Time } */
  if (!x.failed && expect (&x, signed_item, pos, tbs_end, SS_DER_CLASS_UNIVERSAL,
                           SS_DER_TAG_SEQUENCE, &t, "validity"))
    {
      guint32 vc = ss_der_tlv_contents (&t), ve = vc + t.len;
      SsDerTlv nb;

      validity = ss_layer_add_uint (&x.af, signed_item, AF_F_VALIDITY, t.off,
                                    ss_der_tlv_end (&t) - t.off, 0);
      if (dissect_time (&x, validity, AF_F_NOT_BEFORE, vc, ve, &not_before, &nb_text)
          && peek (&x, vc, ve, &nb)
          && dissect_time (&x, validity, AF_F_NOT_AFTER, ss_der_tlv_end (&nb), ve, &not_after,
                           &na_text))
        have_validity = TRUE;
      pos = ss_der_tlv_end (&t);
    }
  else
    validity = NULL;
  if (!x.failed)
    {
      subject = dissect_name (&x, signed_item, &x.af, AF_F_SUBJECT, &x.af, AF_F_RDN_SEQUENCE,
                              pos, tbs_end, "subject");
      if (peek (&x, pos, tbs_end, &t))
        pos = ss_der_tlv_end (&t);
    }
  /* subjectPublicKeyInfo SubjectPublicKeyInfo */
  if (!x.failed && expect (&x, signed_item, pos, tbs_end, SS_DER_CLASS_UNIVERSAL,
                           SS_DER_TAG_SEQUENCE, &t, "subjectPublicKeyInfo"))
    {
      guint32 kc = ss_der_tlv_contents (&t), ke = kc + t.len;
      SsItem *spki = ss_layer_add_uint (&x.af, signed_item, AF_F_SUBJECT_PUBLIC_KEY_INFO, t.off,
                                        ss_der_tlv_end (&t) - t.off, 0);
      SsDerTlv a, k;

      dissect_algorithm (&x, &x.af, spki, AF_F_ALGORITHM, kc, ke, "algorithm");
      if (peek (&x, kc, ke, &a)
          && expect (&x, spki, ss_der_tlv_end (&a), ke, SS_DER_CLASS_UNIVERSAL,
                     SS_DER_TAG_BIT_STRING, &k, "subjectPublicKey")
          && k.len >= 1)
        ss_layer_add_bytes (&x.af, spki, AF_F_SUBJECT_PUBLIC_KEY, ss_der_tlv_contents (&k) + 1,
                            k.len - 1, ss_reader_peek (x.r, ss_der_tlv_contents (&k) + 1,
                                                       k.len - 1), k.len - 1);
      pos = ss_der_tlv_end (&t);
    }
  /* issuerUniqueID [1], subjectUniqueID [2], extensions [3] EXPLICIT */
  while (!x.failed && pos < tbs_end && peek (&x, pos, tbs_end, &t))
    {
      guint32 tc = ss_der_tlv_contents (&t);

      if (t.cls == SS_DER_CLASS_CONTEXT && (t.tag == 1 || t.tag == 2) && t.len >= 1)
        ss_layer_add_bytes (&x.af, signed_item,
                            t.tag == 1 ? AF_F_ISSUER_UNIQUE_IDENTIFIER
                                       : AF_F_SUBJECT_UNIQUE_IDENTIFIER,
                            tc + 1, t.len - 1, ss_reader_peek (x.r, tc + 1, t.len - 1), t.len - 1);
      else if (t.cls == SS_DER_CLASS_CONTEXT && t.tag == 3)
        dissect_extensions (&x, signed_item, tc, tc + t.len);
      pos = ss_der_tlv_end (&t);
    }

  /* signatureAlgorithm, signatureValue */
  pos = ss_der_tlv_end (&tbs);
  if (!x.failed)
    {
      dissect_algorithm (&x, &x.af, parent, AF_F_ALGORITHM_IDENTIFIER, pos, c_end,
                         "algorithmIdentifier");
      if (peek (&x, pos, c_end, &t))
        pos = ss_der_tlv_end (&t);
      if (expect (&x, parent, pos, c_end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_BIT_STRING, &t,
                  "encrypted") && t.len >= 1)
        ss_layer_add_bytes (&x.af, parent, AF_F_ENCRYPTED, ss_der_tlv_contents (&t) + 1,
                            t.len - 1, ss_reader_peek (x.r, ss_der_tlv_contents (&t) + 1,
                                                       t.len - 1), t.len - 1);
    }

  if (have_validity)
    {
      gint64 now = pkt->ts_ns / G_GINT64_CONSTANT (1000000000);
      const char *who = subject && *subject ? subject : _("(no subject)");

      if (now > not_after)
        ss_packet_add_expert (pkt, validity, SS_PROTO_X509AF, AF_E_EXPIRED,
                              _("Certificate %s had expired when the packet was captured: valid "
                                "from %s until %s, captured %s"),
                              who, format_utc (&x, not_before), format_utc (&x, not_after),
                              format_utc (&x, now));
      else if (now < not_before)
        ss_packet_add_expert (pkt, validity, SS_PROTO_X509AF, AF_E_NOT_YET_VALID,
                              _("Certificate %s was not yet valid when the packet was captured: "
                                "valid from %s until %s, captured %s"),
                              who, format_utc (&x, not_before), format_utc (&x, not_after),
                              format_utc (&x, now));
    }
  return subject;
}

static void
ocsp_single_extensions (X509Ctx *x,
                        SsItem  *parent,
                        guint32  off,
                        guint32  end)
{
  SsDerTlv seq, ext, oid, t;

  if (!peek (x, off, end, &seq) || seq.tag != SS_DER_TAG_SEQUENCE)
    return;
  for (guint32 p = ss_der_tlv_contents (&seq); p < ss_der_tlv_contents (&seq) + seq.len
       && peek (x, p, ss_der_tlv_contents (&seq) + seq.len, &ext); p = ss_der_tlv_end (&ext))
    {
      guint32 c = ss_der_tlv_contents (&ext), e = c + ext.len;
      char *id;

      if (!peek (x, c, e, &oid) || oid.tag != SS_DER_TAG_OID || !(id = dup_oid (x, &oid))
          || strcmp (id, "1.3.6.1.4.1.11129.2.4.5") != 0)
        continue;
      c = ss_der_tlv_end (&oid);
      if (peek (x, c, e, &t) && t.tag == SS_DER_TAG_BOOLEAN)
        c = ss_der_tlv_end (&t);
      if (peek (x, c, e, &t) && t.tag == SS_DER_TAG_OCTET_STRING)
        {
          SsDerTlv inner;
          guint32 ic = ss_der_tlv_contents (&t);

          if (peek (x, ic, ic + t.len, &inner) && inner.tag == SS_DER_TAG_OCTET_STRING)
            ss_tls_dissect_sct_list (x->pkt, x->r, ss_der_tlv_contents (&inner),
                                     ss_der_tlv_contents (&inner) + inner.len, 0x0303, parent);
        }
    }
}

/* DistinguishedName ::= RDNSequence (X.501), as the TLS CertificateRequest lists the
 * certificate authorities it accepts. */
const char *
ss_x509_dissect_distinguished_name (SsPacket *pkt,
                                    SsReader *r,
                                    guint     off,
                                    guint     len,
                                    SsItem   *parent)
{
  X509Ctx x = { 0 };
  SsReader dn;
  SsDerTlv seq, rdn, t;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  guint32 pos, end;

  g_return_val_if_fail (pkt != NULL && r != NULL, NULL);

  ss_reader_sub (r, off, len, &dn);
  x.pkt = pkt;
  x.r = &dn;
  x.af = (SsLayer) { pkt, &dn, SS_PROTO_X509AF, pkt->bases[SS_PROTO_X509AF], parent };
  x.ce = (SsLayer) { pkt, &dn, SS_PROTO_X509CE, pkt->bases[SS_PROTO_X509CE], parent };
  x.sat = (SsLayer) { pkt, &dn, SS_PROTO_X509SAT, pkt->bases[SS_PROTO_X509SAT], parent };
  x.ifw = (SsLayer) { pkt, &dn, SS_PROTO_X509IF, pkt->bases[SS_PROTO_X509IF], parent };
  if (!expect (&x, parent, 0, dn.reported, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &seq,
               "DistinguishedName"))
    return NULL;
  pos = ss_der_tlv_contents (&seq);
  end = pos + seq.len;
  while (pos < end && !x.failed)
    {
      g_autoptr(GString) rdn_text = g_string_new (NULL);
      SsItem *rdn_item;
      guint32 p, rdn_end;
      guint n;

      if (!expect (&x, parent, pos, end, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SET, &rdn,
                   "RelativeDistinguishedName"))
        break;
      rdn_end = ss_der_tlv_contents (&rdn) + rdn.len;
      n = count_elements (&x, ss_der_tlv_contents (&rdn), rdn_end);
      rdn_item = ss_layer_add_uint (&x.ifw, parent, IF_F_RDN_SEQUENCE_ITEM, rdn.off,
                                    ss_der_tlv_end (&rdn) - rdn.off, n);
      for (p = ss_der_tlv_contents (&rdn); p < rdn_end && !x.failed && peek (&x, p, rdn_end, &t);
           p = ss_der_tlv_end (&t))
        {
          const char *a = dissect_attribute (&x, rdn_item, p, rdn_end);

          if (a)
            g_string_append_printf (rdn_text, "%s%s", rdn_text->len ? "+" : "", a);
        }
      ss_item_set_text (pkt, rdn_item, "RDNSequence item: %u item%s (%s)", n, n == 1 ? "" : "s",
                        rdn_text->str);
      g_ptr_array_add (parts, ss_arena_strdup (pkt->arena, rdn_text->str));
      pos = ss_der_tlv_end (&rdn);
    }
  for (guint i = parts->len; i > 0; i--)
    g_string_append_printf (summary, "%s%s", i < parts->len ? "," : "",
                            (const char *) g_ptr_array_index (parts, i - 1));
  return ss_arena_strdup (pkt->arena, summary->str);
}

/* An OCSPResponse (RFC 6960 §4.2.1) as stapled in the TLS CertificateStatus message: the
 * algorithms and names it holds and the certificates it carries, as Wireshark's OCSP dissector
 * shows them with the X.509 fields. */
void
ss_x509_dissect_ocsp_response (SsPacket *pkt,
                               SsReader *r,
                               guint     off,
                               guint     len,
                               SsItem   *parent)
{
  X509Ctx x = { 0 };
  SsReader resp;
  SsDerTlv t, rb, oid, os, basic, tbs;
  guint32 c, e, p;

  g_return_if_fail (pkt != NULL && r != NULL);

  ss_reader_sub (r, off, len, &resp);
  x.pkt = pkt;
  x.r = &resp;
  x.af = (SsLayer) { pkt, &resp, SS_PROTO_X509AF, pkt->bases[SS_PROTO_X509AF], parent };
  x.ce = (SsLayer) { pkt, &resp, SS_PROTO_X509CE, pkt->bases[SS_PROTO_X509CE], parent };
  x.sat = (SsLayer) { pkt, &resp, SS_PROTO_X509SAT, pkt->bases[SS_PROTO_X509SAT], parent };
  x.ifw = (SsLayer) { pkt, &resp, SS_PROTO_X509IF, pkt->bases[SS_PROTO_X509IF], parent };
  ss_packet_add_protocols_entry (pkt, "ocsp");

  /* OCSPResponse ::= SEQUENCE { responseStatus, responseBytes [0] EXPLICIT ResponseBytes } */
  if (!expect (&x, parent, 0, resp.reported, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &t,
               "OCSPResponse"))
    return;
  c = ss_der_tlv_contents (&t);
  e = c + t.len;
  if (!peek (&x, c, e, &t) || !peek (&x, ss_der_tlv_end (&t), e, &rb)
      || rb.cls != SS_DER_CLASS_CONTEXT || rb.tag != 0)
    return;
  c = ss_der_tlv_contents (&rb);
  if (!expect (&x, parent, c, c + rb.len, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &t,
               "ResponseBytes"))
    return;
  c = ss_der_tlv_contents (&t);
  e = c + t.len;
  if (!expect (&x, parent, c, e, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_OID, &oid, "responseType")
      || !expect (&x, parent, ss_der_tlv_end (&oid), e, SS_DER_CLASS_UNIVERSAL,
                  SS_DER_TAG_OCTET_STRING, &os, "response"))
    return;
  {
    char *type = dup_oid (&x, &oid);

    if (!type || strcmp (type, "1.3.6.1.5.5.7.48.1.1") != 0)
      return;
  }
  /* BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature, certs } */
  c = ss_der_tlv_contents (&os);
  if (!expect (&x, parent, c, c + os.len, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &basic,
               "BasicOCSPResponse"))
    return;
  c = ss_der_tlv_contents (&basic);
  e = c + basic.len;
  if (!expect (&x, parent, c, e, SS_DER_CLASS_UNIVERSAL, SS_DER_TAG_SEQUENCE, &tbs,
               "tbsResponseData"))
    return;
  p = ss_der_tlv_contents (&tbs);
  {
    guint32 te = p + tbs.len;

    /* version [0] EXPLICIT DEFAULT v1, responderID CHOICE { byName [1], byKey [2] } */
    if (peek (&x, p, te, &t) && t.cls == SS_DER_CLASS_CONTEXT && t.tag == 0)
      p = ss_der_tlv_end (&t);
    if (peek (&x, p, te, &t) && t.cls == SS_DER_CLASS_CONTEXT && t.tag == 1)
      dissect_name (&x, parent, &x.af, G_MAXUINT, &x.ifw, IF_F_RDN_SEQUENCE,
                    ss_der_tlv_contents (&t), ss_der_tlv_contents (&t) + t.len, "byName");
    if (peek (&x, p, te, &t))
      p = ss_der_tlv_end (&t);
    /* producedAt, then responses: SEQUENCE OF SingleResponse, each starting with CertID */
    if (peek (&x, p, te, &t))
      p = ss_der_tlv_end (&t);
    if (peek (&x, p, te, &t) && t.tag == SS_DER_TAG_SEQUENCE)
      {
        guint32 rc = ss_der_tlv_contents (&t), re = rc + t.len;
        SsDerTlv single, certid;

        for (guint32 q = rc; q < re && !x.failed && peek (&x, q, re, &single);
             q = ss_der_tlv_end (&single))
          {
            guint32 sc = ss_der_tlv_contents (&single), se = sc + single.len;
            SsDerTlv f;

            if (peek (&x, sc, se, &certid) && certid.tag == SS_DER_TAG_SEQUENCE)
              dissect_algorithm (&x, &x.af, parent, AF_F_ALGORITHM_IDENTIFIER,
                                 ss_der_tlv_contents (&certid),
                                 ss_der_tlv_contents (&certid) + certid.len, "hashAlgorithm");
            /* singleExtensions [1] EXPLICIT Extensions: the SCT list of RFC 6962 §3.3 */
            for (guint32 fp = sc; fp < se && peek (&x, fp, se, &f); fp = ss_der_tlv_end (&f))
              if (f.cls == SS_DER_CLASS_CONTEXT && f.tag == 1)
                ocsp_single_extensions (&x, parent, ss_der_tlv_contents (&f),
                                        ss_der_tlv_contents (&f) + f.len);
          }
      }
  }
  p = ss_der_tlv_end (&tbs);
  if (x.failed)
    return;
  dissect_algorithm (&x, &x.af, parent, AF_F_ALGORITHM_IDENTIFIER, p, e, "signatureAlgorithm");
  if (!peek (&x, p, e, &t))
    return;
  p = ss_der_tlv_end (&t);
  if (!peek (&x, p, e, &t))
    return;
  p = ss_der_tlv_end (&t);
  /* certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL */
  if (peek (&x, p, e, &t) && t.cls == SS_DER_CLASS_CONTEXT && t.tag == 0)
    {
      SsDerTlv seq, cert;
      guint32 sc, se;

      if (!peek (&x, ss_der_tlv_contents (&t), ss_der_tlv_contents (&t) + t.len, &seq))
        return;
      sc = ss_der_tlv_contents (&seq);
      se = sc + seq.len;
      for (guint32 q = sc; q < se && !x.failed && peek (&x, q, se, &cert);
           q = ss_der_tlv_end (&cert))
        {
          SsItem *it = ss_layer_add_text (&x.af, parent, cert.off,
                                          ss_der_tlv_end (&cert) - cert.off, "Certificate");
          const char *subject = ss_x509_dissect_certificate (pkt, &resp, cert.off,
                                                             ss_der_tlv_end (&cert) - cert.off,
                                                             it);

          if (subject)
            ss_item_append_text (pkt, it, " (%s)", subject);
        }
    }
}

const SsProtocol ss_proto_x509af = {
  .id = SS_PROTO_X509AF,
  .application = TRUE,
  .abbrev = "x509af",
  .short_name = "X509AF",
  .name = N_("X.509 Authentication Framework"),
  .fields = af_fields,
  .n_fields = AF_F_COUNT,
  .experts = af_experts,
  .n_experts = AF_E_COUNT,
};

const SsProtocol ss_proto_x509ce = {
  .id = SS_PROTO_X509CE,
  .application = TRUE,
  .abbrev = "x509ce",
  .short_name = "X509CE",
  .name = N_("X.509 Certificate Extensions"),
  .fields = ce_fields,
  .n_fields = CE_F_COUNT,
};

const SsProtocol ss_proto_x509sat = {
  .id = SS_PROTO_X509SAT,
  .application = TRUE,
  .abbrev = "x509sat",
  .short_name = "X509SAT",
  .name = N_("X.509 Selected Attribute Types"),
  .fields = sat_fields,
  .n_fields = SAT_F_COUNT,
};

const SsProtocol ss_proto_x509if = {
  .id = SS_PROTO_X509IF,
  .application = TRUE,
  .abbrev = "x509if",
  .short_name = "X509IF",
  .name = N_("X.509 Information Framework"),
  .fields = if_fields,
  .n_fields = IF_F_COUNT,
};

package cn.etax.identity.remote;

import java.io.Serializable;
import java.util.Objects;

/**
 * How an integrator names the identity it asks about: a person acting on his own behalf, a person acting for a
 * taxpayer (optionally in a given identity type), or the single sign-on assertion (API-2) a downstream application
 * received — checked like a downstream application checks it (signature by the published keys, issuer, audience,
 * expiry), then resolved again as of now.
 */
public sealed interface IdentityReference extends Serializable
        permits IdentityReference.Personal, IdentityReference.ForTaxpayer, IdentityReference.Assertion {

    static IdentityReference personal(long personId) {
        return new Personal(personId);
    }

    static IdentityReference forTaxpayer(long personId, String creditCode) {
        return new ForTaxpayer(personId, creditCode, null);
    }

    static IdentityReference forTaxpayer(long personId, String creditCode, String identityType) {
        return new ForTaxpayer(personId, creditCode, identityType);
    }

    static IdentityReference assertion(String compactJwt) {
        return new Assertion(compactJwt);
    }

    /** The identity assertion (compact JWS) the platform issued to the session (API-2). */
    final class Assertion implements IdentityReference {

        private static final long serialVersionUID = 1L;

        private final String token;

        public Assertion(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Assertion a && Objects.equals(a.token, token);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(token);
        }

        @Override
        public String toString() {
            return "Assertion[…]"; // a bearer credential: never in logs
        }
    }

    /** The person himself (个人业务). */
    final class Personal implements IdentityReference {

        private static final long serialVersionUID = 1L;

        private final long personId;

        public Personal(long personId) {
            this.personId = personId;
        }

        public long personId() {
            return personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Personal p && p.personId == personId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(personId);
        }

        @Override
        public String toString() {
            return "Personal[personId=" + personId + "]";
        }
    }

    /**
     * The person acting for the taxpayer with this credit code; {@code identityType} may be {@code null} when the
     * person holds only one active identity there.
     */
    final class ForTaxpayer implements IdentityReference {

        private static final long serialVersionUID = 1L;

        private final long personId;
        private final String creditCode;
        private final String identityType;

        public ForTaxpayer(long personId, String creditCode, String identityType) {
            this.personId = personId;
            this.creditCode = creditCode;
            this.identityType = identityType;
        }

        public long personId() {
            return personId;
        }

        public String creditCode() {
            return creditCode;
        }

        public String identityType() {
            return identityType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ForTaxpayer f && f.personId == personId && Objects.equals(f.creditCode, creditCode)
                    && Objects.equals(f.identityType, identityType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, creditCode, identityType);
        }

        @Override
        public String toString() {
            return "ForTaxpayer[personId=" + personId + ", creditCode=" + creditCode + ", identityType="
                    + identityType + "]";
        }
    }
}

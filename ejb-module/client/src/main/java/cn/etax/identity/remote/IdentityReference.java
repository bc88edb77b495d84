package cn.etax.identity.remote;

import java.io.Serializable;
import java.util.Objects;

/**
 * How an integrator names the identity it asks about. Today: a person acting on his own behalf, or a person acting
 * for a taxpayer (optionally in a given identity type). The single sign-on work adds a kind that carries the signed
 * assertion or session reference a downstream application received; the lookup interface stays as it is.
 */
public sealed interface IdentityReference extends Serializable
        permits IdentityReference.Personal, IdentityReference.ForTaxpayer {

    static IdentityReference personal(long personId) {
        return new Personal(personId);
    }

    static IdentityReference forTaxpayer(long personId, String creditCode) {
        return new ForTaxpayer(personId, creditCode, null);
    }

    static IdentityReference forTaxpayer(long personId, String creditCode, String identityType) {
        return new ForTaxpayer(personId, creditCode, identityType);
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

package cn.etax.identity.remote;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Who acts, for whom, as what, as of {@link #asOf()}. For a personal reference {@code taxpayer}, {@code identityType}
 * and {@code grantId} are {@code null} and {@code permissions} is empty. The name is masked (RULE-MASK).
 */
public final class CurrentIdentity implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String personName;
    private final int realNameLevel;
    private final Taxpayer taxpayer;
    private final String identityType;
    private final Long grantId;
    private final ArrayList<String> permissions;
    /** Epoch milliseconds: java.time types do not cross the GlassFish ORB on Java 17 (see package-info). */
    private final long asOf;

    public CurrentIdentity(long personId, String personName, int realNameLevel, Taxpayer taxpayer,
                           String identityType, Long grantId, List<String> permissions, Instant asOf) {
        this.personId = personId;
        this.personName = personName;
        this.realNameLevel = realNameLevel;
        this.taxpayer = taxpayer;
        this.identityType = identityType;
        this.grantId = grantId;
        this.permissions = new ArrayList<>(permissions);
        this.asOf = asOf.toEpochMilli();
    }

    public long personId() {
        return personId;
    }

    public String personName() {
        return personName;
    }

    public int realNameLevel() {
        return realNameLevel;
    }

    public Taxpayer taxpayer() {
        return taxpayer;
    }

    public String identityType() {
        return identityType;
    }

    public Long grantId() {
        return grantId;
    }

    public List<String> permissions() {
        return Collections.unmodifiableList(permissions);
    }

    public Instant asOf() {
        return Instant.ofEpochMilli(asOf);
    }

    @Override
    public String toString() {
        return "CurrentIdentity[personId=" + personId + ", personName=" + personName + ", realNameLevel="
                + realNameLevel + ", taxpayer=" + taxpayer + ", identityType=" + identityType + ", grantId=" + grantId
                + ", permissions=" + permissions + ", asOf=" + asOf() + "]";
    }

    /** The taxpayer acted for; its name masked as the pages show it. */
    public static final class Taxpayer implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String creditCode;
        private final String name;
        private final String provinceCode;

        public Taxpayer(String creditCode, String name, String provinceCode) {
            this.creditCode = creditCode;
            this.name = name;
            this.provinceCode = provinceCode;
        }

        public String creditCode() {
            return creditCode;
        }

        public String name() {
            return name;
        }

        public String provinceCode() {
            return provinceCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Taxpayer t && Objects.equals(t.creditCode, creditCode) && Objects.equals(t.name, name)
                    && Objects.equals(t.provinceCode, provinceCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(creditCode, name, provinceCode);
        }

        @Override
        public String toString() {
            return "Taxpayer[creditCode=" + creditCode + ", name=" + name + ", provinceCode=" + provinceCode + "]";
        }
    }
}

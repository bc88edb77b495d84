package cn.etax.identity.account.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import cn.etax.identity.taxpayer.domain.TaxpayerStatus;
import cn.etax.identity.taxpayer.domain.VatQualification;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * ENT-1 企业基本信息 as the current identity may see it, personal and enterprise values masked (RULE-MASK).
 * {@code taxData} and {@code investors} are null for a tax officer or invoicer ("办税员、开票员仅可查看‘基本信息’、
 * ‘主要人员信息’").
 */
public record EnterpriseInfoView(Basic basic, List<KeyPersonView> keyPersonnel, TaxData taxData,
                                 List<InvestorView> investors, Viewer viewer) implements Serializable {

    /** 基本信息. */
    public record Basic(String creditCode, String nameMasked, TaxpayerKind kind, TaxpayerStatus status,
                        String taxAuthorityName, String provinceName, String businessAddressMasked,
                        LocalDate registeredOn) implements Serializable {
    }

    /** 主要人员信息: the document number is only ever known masked. */
    public record KeyPersonView(IdentityType role, String nameMasked, IdType idType, String idMasked)
            implements Serializable {
    }

    /** 基本税务信息. */
    public record TaxData(String registrationType, String industry, VatQualification vatQualification)
            implements Serializable {
    }

    /** 投资方信息. */
    public record InvestorView(long id, String nameMasked, String documentType, String documentMasked,
                               BigDecimal sharePercent) implements Serializable {
    }

    /** 办税人员实名状态 and 当前人员身份: every identity of the viewer in this taxpayer, the current one marked. */
    public record Viewer(String nameMasked, int realNameLevel, IdentityType identityType, Set<Permission> permissions,
                         List<ViewerIdentity> identities) implements Serializable {

        /** Real-name verified (已实名核验): level 3 or above, the identity registry confirmed the person. */
        public boolean realNameVerified() {
            return realNameLevel >= 3;
        }
    }

    public record ViewerIdentity(long grantId, IdentityType identityType, GrantState state, boolean current)
            implements Serializable {
    }

    /** Legal representative or finance officer: tax data and investors are shown. */
    public boolean fullView() {
        return taxData != null;
    }
}

package cn.etax.identity.shared;

public enum Gender {
    MALE, FEMALE, UNKNOWN
}

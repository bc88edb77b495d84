-- PER-7 个人证件管理: documents a person added to the account after a QR face check, besides the one he registered
-- with (person.id_*). A document belongs to one person; a person holds one document of each type.
create sequence person_document_seq start with 50 increment by 50;
create table person_document (
    id          bigint       not null primary key,
    person_id   bigint       not null references person (id),
    id_type     varchar(40)  not null,
    doc_digest  varchar(64)  not null,
    doc_cipher  varchar(200) not null,
    doc_masked  varchar(40)  not null,
    valid_from  date         not null,
    valid_until date,
    added_at    timestamp    not null,
    constraint uk_person_document_digest unique (doc_digest),
    constraint uk_person_document_type unique (person_id, id_type)
);
create index ix_person_document_person on person_document (person_id);

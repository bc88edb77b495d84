package cn.etax.identity.shared.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of one table for {@code PipelinedBatchWritingIT}. */
@Entity
@Table(name = "pipeline_note")
public class PipelineNote {

    @Id
    private long id;

    private String text;

    protected PipelineNote() {
    }

    public PipelineNote(long id, String text) {
        this.id = id;
        this.text = text;
    }

    public long id() {
        return id;
    }
}

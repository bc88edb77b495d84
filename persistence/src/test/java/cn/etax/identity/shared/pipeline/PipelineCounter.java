package cn.etax.identity.shared.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A versioned row of another table for {@code PipelinedBatchWritingIT}: its updates are optimistically locked. */
@Entity
@Table(name = "pipeline_counter")
public class PipelineCounter {

    @Id
    private long id;

    private int total;

    @Version
    private int version;

    protected PipelineCounter() {
    }

    public PipelineCounter(long id) {
        this.id = id;
    }

    public void add(int n) {
        total += n;
    }

    public int total() {
        return total;
    }
}

import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Inspection } from './inspection.entity';

/** The original upload, kept apart so listing inspections never reads megabytes of PDF. */
@Entity({ name: 'inspection_files' })
export class InspectionFile {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @OneToOne(() => Inspection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection;

  @Column({ type: 'bytea' })
  content!: Buffer;
}

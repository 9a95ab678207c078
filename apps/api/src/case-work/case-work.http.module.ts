import { CaseWorkModule } from '@kp/case-work';
import { Module } from '@nestjs/common';
import { CaseAssignmentController, CaseRescreenController } from './case-assignment.controller';
import { ConflictsController } from './conflicts.controller';
import { ConsultationsController } from './consultations.controller';
import { LegalMattersController } from './legal-matters.controller';
import { NotesController } from './notes.controller';
import { QueuesController } from './queues.controller';

/** HTTP wiring for case-work: its controllers and the lib modules they call. */
@Module({
  imports: [CaseWorkModule],
  controllers: [QueuesController, CaseAssignmentController, CaseRescreenController, ConflictsController, ConsultationsController, LegalMattersController, NotesController],
})
export class CaseWorkHttpModule {}

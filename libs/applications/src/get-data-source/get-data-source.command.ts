import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** One source of the catalogue, by its id (e.g. `lpr`). */
export class GetDataSourceCommand extends BaseCommand {
  @IsString() @IsNotEmpty() @MaxLength(100) dataSourceId!: string;
}
